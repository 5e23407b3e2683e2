package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;

class GTTest {
  private static final GT E = Pairing.pairing(G1.generator(), G2.generator());

  @Test
  void groupLaws_randomPowers_hold() {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {3});
    for (int i = 0; i < 5; i++) {
      Fr a = random.nextFr();
      Fr b = random.nextFr();
      GT x = E.pow(a);
      GT y = E.pow(b);
      assertThat(x.mul(y)).isEqualTo(E.pow(a.add(b)));
      assertThat(x.div(y)).isEqualTo(E.pow(a.sub(b)));
      assertThat(x.inv()).isEqualTo(E.pow(a.neg()));
      assertThat(x.mul(x.inv()).isOne()).isTrue();
      assertThat(x.pow(b)).isEqualTo(E.pow(a.mul(b)));
    }
    assertThat(E.pow(Fr.zero()).isOne()).isTrue();
    assertThat(E.isOne()).isFalse();
  }

  @Test
  void powVec_randomElements_equalsProductOfPowers() {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {4});
    List<GT> xs = new ArrayList<>();
    List<Fr> ks = new ArrayList<>();
    GT expected = GT.one();
    for (int i = 0; i < 4; i++) {
      xs.add(E.pow(random.nextFr()));
      ks.add(random.nextFr());
      expected = expected.mul(xs.get(i).pow(ks.get(i)));
    }
    assertThat(GT.powVec(xs, ks)).isEqualTo(expected);
    assertThat(GT.powVec(List.of(), List.of()).isOne()).isTrue();
    assertThatThrownBy(() -> GT.powVec(xs, ks.subList(0, 1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serialization_pairingValues_roundTrip() throws MalformedInputException {
    GT x = E.pow(Fr.of(12345));
    assertThat(GT.fromBytes(x.toBytes())).isEqualTo(x).hasSameHashCodeAs(x);
    assertThat(GT.fromBase64(x.toBase64())).isEqualTo(x);
    assertThat(x.toBase64()).hasSize(768);
    assertThat(GT.fromBytes(GT.one().toBytes()).isOne()).isTrue();
  }

  @Test
  void fromBytes_wrongLength_throws() {
    assertThatThrownBy(() -> GT.fromBytes(Arrays.copyOf(E.toBytes(), 575)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("wrong length");
  }

  @Test
  void fromBytes_coefficientNotBelowP_throws() {
    byte[] bytes = E.toBytes();
    System.arraycopy(FieldBounds.toLittleEndian(FieldBounds.P, 48), 0, bytes, 5 * 48, 48);
    assertThatThrownBy(() -> GT.fromBytes(bytes))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("coordinate 5 is not below the field modulus p");
  }

  @Test
  void fromBytes_allZero_throws() {
    assertThatThrownBy(() -> GT.fromBytes(new byte[576]))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("zero field element");
  }

  @Test
  void fromBytes_fieldElementOutsideSubgroup_throws() {
    byte[] two = new byte[576];
    two[0] = 2;
    assertThatThrownBy(() -> GT.fromBytes(two))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not in the order-r subgroup");
    byte[] flipped = E.toBytes();
    flipped[100] ^= 1;
    assertThatThrownBy(() -> GT.fromBytes(flipped)).hasMessageContaining("not in the order-r subgroup");
  }
}
