package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;

/**
 * GT.fromBytes's membership test (cyclotomic check, then x^p = x^z) against the definition x^r =
 * 1, on members and on the kinds of non-members a forger could send: arbitrary Fp12 elements,
 * members times −1, cyclotomic elements outside GT, and members times those.
 */
class GtMembershipTest {
  private static final GT E = Pairing.pairing(G1.generator(), G2.generator());
  private static final ReplayRandomScalars RANDOM = RandomScalars.replay(new byte[] {17});

  @Test
  void frobenius_onGt_equalsPowerByPModR() {
    Fr pModR = Fr.fromCsprngBytes(FieldBounds.toLittleEndian(FieldBounds.P.mod(FieldBounds.R), 32));
    for (int i = 0; i < 3; i++) {
      GT x = E.pow(RANDOM.nextFr());
      assertThat(raw(Frobenius.apply(x.toBytes(), 1))).isEqualTo(x.pow(pModR));
    }
  }

  @Test
  void frobenius_twelveTimes_isIdentityOnFp12() {
    byte[] f = randomFp12();
    assertThat(Frobenius.apply(f, 12)).isEqualTo(f);
    assertThat(Frobenius.apply(f, 1)).isNotEqualTo(f);
  }

  @Test
  void fromBytes_members_accepted() throws MalformedInputException {
    for (int i = 0; i < 5; i++) {
      GT x = E.pow(RANDOM.nextFr());
      assertThat(byDefinition(x)).isTrue();
      assertThat(GT.fromBytes(x.toBytes())).isEqualTo(x);
    }
    assertThat(GT.fromBytes(GT.one().toBytes()).isOne()).isTrue();
  }

  @Test
  void fromBytes_randomFp12_rejected() {
    for (int i = 0; i < 5; i++) {
      GT f = raw(randomFp12());
      assertThat(byDefinition(f)).isFalse();
      assertRejected(f);
    }
  }

  @Test
  void fromBytes_memberTimesMinusOne_rejected() {
    GT x = E.pow(RANDOM.nextFr());
    byte[] minusOne = new byte[GT.SERIALIZED_SIZE];
    System.arraycopy(FieldBounds.toLittleEndian(FieldBounds.P.subtract(BigInteger.ONE), 48), 0, minusOne, 0, 48);
    GT minus = raw(minusOne).mul(x);
    assertThat(byDefinition(minus)).isFalse();
    assertRejected(minus);
  }

  @Test
  void fromBytes_cyclotomicNonMembers_rejectedByTheExponentCheck() {
    for (int i = 0; i < 3; i++) {
      GT c = cyclotomic(raw(randomFp12()));
      // c passes the cyclotomic check (c^(p⁴)·c = c^(p²)) but is not in GT
      byte[] p2 = Frobenius.apply(c.toBytes(), 2);
      assertThat(raw(Frobenius.apply(p2, 2)).mul(c)).isEqualTo(raw(p2));
      assertThat(byDefinition(c)).isFalse();
      assertRejected(c);
      // its part of order dividing h = Φ12(p)/r alone, and a member multiplied by it
      GT torsion = new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_powGeneric, c.raw, Fr.of(-1).raw)).mul(c);
      assertThat(torsion.isOne()).isFalse();
      assertRejected(torsion);
      assertRejected(E.pow(RANDOM.nextFr()).mul(torsion));
    }
  }

  private static void assertRejected(GT x) {
    assertThatThrownBy(() -> GT.fromBytes(x.toBytes()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not in the order-r subgroup");
  }

  /** x^r = 1, the definition: x^(r−1)·x with the generic power. */
  private static boolean byDefinition(GT x) {
    byte[] power = Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_powGeneric, x.raw, Fr.of(-1).raw);
    return new GT(power).mul(x).isOne();
  }

  /** f^((p⁶−1)(p²+1)), the easy part of the final exponentiation: lands in the cyclotomic subgroup. */
  private static GT cyclotomic(GT f) {
    GT u = raw(Frobenius.apply(f.toBytes(), 6)).div(f);
    return raw(Frobenius.apply(u.toBytes(), 2)).mul(u);
  }

  private static byte[] randomFp12() {
    byte[] out = new byte[GT.SERIALIZED_SIZE];
    for (int k = 0; k < 12; k++) {
      BigInteger c = new BigInteger(1, RANDOM.nextFr().toBytes()).shiftLeft(120).mod(FieldBounds.P);
      System.arraycopy(FieldBounds.toLittleEndian(c, 48), 0, out, k * 48, 48);
    }
    return out;
  }

  private static GT raw(byte[] serialized) {
    byte[] x = new byte[Mcl.GT_STRUCT];
    Mcl.checkSize("mclBnGT_deserialize", Mcl.mclBnGT_deserialize(x, serialized, serialized.length), 576);
    return new GT(x);
  }
}
