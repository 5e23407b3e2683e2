package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairingTest {

  @Test
  void pairing_scalarsOnEitherSide_isBilinear() {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {5});
    Fr a = random.nextFr();
    Fr b = random.nextFr();
    GT e = Pairing.pairing(G1.generator(), G2.generator());
    assertThat(Pairing.pairing(G1.generator().mul(a), G2.generator().mul(b))).isEqualTo(e.pow(a.mul(b)));
    assertThat(Pairing.pairing(G1.generator().mul(a.mul(b)), G2.generator()))
        .isEqualTo(Pairing.pairing(G1.generator(), G2.generator().mul(a.mul(b))));
  }

  @Test
  void pairing_identityOnEitherSide_isOne() {
    assertThat(Pairing.pairing(G1.zero(), G2.generator()).isOne()).isTrue();
    assertThat(Pairing.pairing(G1.generator(), G2.zero()).isOne()).isTrue();
  }

  @Test
  void multiPairing_precomputedLines_equalsPlainMultiPairing() {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {23});
    for (int i = 0; i < 3; i++) {
      G1 p1 = G1.random(random);
      G1 p2 = G1.random(random);
      G2 q = G2.random(random);
      GT expected = Pairing.multiPairing(List.of(p1, p2), List.of(q, G2.generator()));
      assertThat(Pairing.multiPairing(p1, new PrecomputedG2(q), p2, PrecomputedG2.generator()))
          .isEqualTo(expected);
    }
    G1 p = G1.random(random);
    PrecomputedG2 q = new PrecomputedG2(G2.random(random));
    assertThat(Pairing.multiPairing(p, q, p.neg(), q).isOne()).isTrue();
  }

  @Test
  void multiPairing_randomPoints_equalsProductOfPairings() {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {6});
    List<G1> ps = new ArrayList<>();
    List<G2> qs = new ArrayList<>();
    GT expected = GT.one();
    for (int i = 0; i < 4; i++) {
      ps.add(G1.random(random));
      qs.add(G2.random(random));
      expected = expected.mul(Pairing.pairing(ps.get(i), qs.get(i)));
    }
    assertThat(Pairing.multiPairing(ps, qs)).isEqualTo(expected);
    assertThat(Pairing.multiPairing(ps.subList(0, 1), qs.subList(0, 1)))
        .isEqualTo(Pairing.pairing(ps.get(0), qs.get(0)));
    assertThat(Pairing.multiPairing(List.of(), List.of()).isOne()).isTrue();
    assertThatThrownBy(() -> Pairing.multiPairing(ps, qs.subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
