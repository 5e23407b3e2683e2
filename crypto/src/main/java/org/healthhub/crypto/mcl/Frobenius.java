package org.healthhub.crypto.mcl;

import java.math.BigInteger;

/**
 * The p-power Frobenius map on mcl's Fp12, on serialized elements (12 Fp coefficients, 48 bytes
 * little-endian each). mcl's tower: Fp2 = Fp[i]/(i² + 1), Fp6 = Fp2[v]/(v³ − ξ) with ξ = 1 + i,
 * Fp12 = Fp6[w]/(w² − v); coefficient k of the serialization is part k%2 of the Fp2 coefficient of
 * w^(2·((k%6)/2) + k/6). Since w⁶ = ξ, (c·w^e)^p = conj(c)·γ^e·w^e with γ = ξ^((p−1)/6).
 * mcl's C API has no Frobenius on GT; this is the one GT membership needs.
 */
final class Frobenius {
  private static final BigInteger P = FieldBounds.P;
  private static final int FP = FieldBounds.FP_BYTES;
  // γ^e for e = 0..5, each an Fp2 element {real, imaginary}
  private static final BigInteger[][] GAMMA_POWERS = gammaPowers();

  private Frobenius() {}

  /** x^(p^times) for the serialization of x ∈ Fp12. */
  static byte[] apply(byte[] serialized, int times) {
    BigInteger[] c = new BigInteger[12];
    for (int k = 0; k < 12; k++) {
      c[k] = FieldBounds.littleEndian(serialized, k * FP, FP);
    }
    for (int t = 0; t < times; t++) {
      c = once(c);
    }
    byte[] out = new byte[12 * FP];
    for (int k = 0; k < 12; k++) {
      System.arraycopy(FieldBounds.toLittleEndian(c[k], FP), 0, out, k * FP, FP);
    }
    return out;
  }

  private static BigInteger[] once(BigInteger[] c) {
    BigInteger[] out = new BigInteger[12];
    for (int k = 0; k < 12; k += 2) {
      int e = 2 * ((k % 6) / 2) + k / 6;
      BigInteger[] conjugate = {c[k], c[k + 1].negate()};
      BigInteger[] product = mul(conjugate, GAMMA_POWERS[e]);
      out[k] = product[0];
      out[k + 1] = product[1];
    }
    return out;
  }

  private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
    BigInteger real = a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P);
    BigInteger imaginary = a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P);
    return new BigInteger[] {real, imaginary};
  }

  private static BigInteger[][] gammaPowers() {
    BigInteger[] xi = {BigInteger.ONE, BigInteger.ONE};
    BigInteger exponent = P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
    BigInteger[] gamma = {BigInteger.ONE, BigInteger.ZERO};
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      gamma = mul(gamma, gamma);
      if (exponent.testBit(bit)) {
        gamma = mul(gamma, xi);
      }
    }
    BigInteger[][] powers = new BigInteger[6][];
    powers[0] = new BigInteger[] {BigInteger.ONE, BigInteger.ZERO};
    for (int e = 1; e < 6; e++) {
      powers[e] = mul(powers[e - 1], gamma);
    }
    return powers;
  }
}
