package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;

class FrTest {
  private static final ReplayRandomScalars RANDOM = RandomScalars.replay(new byte[] {1});

  @Test
  void arithmetic_smallValues_matchIntegers() {
    assertThat(Fr.of(7).add(Fr.of(5))).isEqualTo(Fr.of(12));
    assertThat(Fr.of(7).sub(Fr.of(5))).isEqualTo(Fr.of(2));
    assertThat(Fr.of(5).sub(Fr.of(7))).isEqualTo(Fr.of(-2));
    assertThat(Fr.of(7).mul(Fr.of(5))).isEqualTo(Fr.of(35));
    assertThat(Fr.of(7).neg()).isEqualTo(Fr.of(-7));
    assertThat(Fr.of(7).mul(Fr.of(7).inv())).isEqualTo(Fr.one());
    assertThat(Fr.of(Long.MIN_VALUE).add(Fr.of(Long.MAX_VALUE))).isEqualTo(Fr.of(-1));
  }

  @Test
  void fieldLaws_randomValues_hold() {
    for (int i = 0; i < 20; i++) {
      Fr a = RANDOM.nextFr();
      Fr b = RANDOM.nextFr();
      Fr c = RANDOM.nextFr();
      assertThat(a.add(b)).isEqualTo(b.add(a));
      assertThat(a.mul(b.add(c))).isEqualTo(a.mul(b).add(a.mul(c)));
      assertThat(a.sub(b).add(b)).isEqualTo(a);
      assertThat(a.add(a.neg()).isZero()).isTrue();
      assertThat(a.mul(a.inv()).isOne()).isTrue();
    }
  }

  @Test
  void inv_zero_throwsArithmeticException() {
    assertThatThrownBy(() -> Fr.zero().inv()).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void predicates_constants_answerCorrectly() {
    assertThat(Fr.zero().isZero()).isTrue();
    assertThat(Fr.one().isOne()).isTrue();
    assertThat(Fr.one().isZero()).isFalse();
    assertThat(Fr.zero().isOne()).isFalse();
  }

  @Test
  void serialization_randomValues_roundTrip() throws MalformedInputException {
    for (int i = 0; i < 20; i++) {
      Fr a = RANDOM.nextFr();
      assertThat(Fr.fromBytes(a.toBytes())).isEqualTo(a);
      assertThat(Fr.fromBase64(a.toBase64())).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(a.toBase64()).hasSize(44);
    }
  }

  @Test
  void toBytes_value_isLittleEndian() {
    byte[] expected = new byte[32];
    expected[0] = 0x34;
    expected[1] = 0x12;
    assertThat(Fr.of(0x1234).toBytes()).isEqualTo(expected);
    assertThat(Fr.of(0x1234).toHex()).startsWith("3412").hasSize(64);
  }

  @Test
  void toString_anyValue_hidesTheValue() {
    assertThat(Fr.of(0x1234).toString()).doesNotContain("3412").doesNotContain("1234");
  }

  @Test
  void fromBytes_wrongLength_throws() {
    assertThatThrownBy(() -> Fr.fromBytes(new byte[31]))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("length 31");
    assertThatThrownBy(() -> Fr.fromBytes(new byte[33])).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> Fr.fromBytes(null)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromBytes_valueNotBelowR_throws() {
    byte[] r = FieldBounds.toLittleEndian(FieldBounds.R, 32);
    assertThatThrownBy(() -> Fr.fromBytes(r))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not below the group order r");
    byte[] max = new byte[32];
    Arrays.fill(max, (byte) 0xff);
    assertThatThrownBy(() -> Fr.fromBytes(max)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromBytes_rMinusOne_isMinusOne() throws MalformedInputException {
    byte[] rMinusOne = FieldBounds.toLittleEndian(FieldBounds.R.subtract(BigInteger.ONE), 32);
    assertThat(Fr.fromBytes(rMinusOne)).isEqualTo(Fr.of(-1));
  }

  @Test
  void fromBase64_invalidText_throws() {
    assertThatThrownBy(() -> Fr.fromBase64("not base64!")).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> Fr.fromBase64("AAAA")).hasMessageContaining("length 3");
  }

  @Test
  void fromCsprngBytes_topBitsSet_appliesMclMasks() {
    byte[] allOnes = new byte[32];
    Arrays.fill(allOnes, (byte) 0xff);
    // 2^255 - 1 >= r, so the value is masked to 2^254 - 1.
    BigInteger expected = BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE);
    assertThat(Fr.fromCsprngBytes(allOnes).toBytes()).isEqualTo(FieldBounds.toLittleEndian(expected, 32));
  }

  @Test
  void secureRandom_draws_areDistinctAndCanonical() throws MalformedInputException {
    RandomScalars secure = RandomScalars.secure();
    Fr a = secure.nextFr();
    Fr b = Fr.random(secure);
    assertThat(a).isNotEqualTo(b);
    assertThat(Fr.fromBytes(a.toBytes())).isEqualTo(a);
  }
}
