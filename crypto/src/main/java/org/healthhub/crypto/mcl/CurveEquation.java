package org.healthhub.crypto.mcl;

import java.math.BigInteger;

/**
 * Whether an encoded x coordinate has a point at all, computed in Java so that a decoder can say
 * why mcl refused it: some mcl builds also refuse points outside the subgroup in deserialize.
 * G1: y² = x³ + 4 over Fp. G2: y² = x³ + 4(1 + u) over Fp2 = Fp[u]/(u² + 1).
 */
final class CurveEquation {
  private static final BigInteger P = FieldBounds.P;
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  private static final int FP = FieldBounds.FP_BYTES;

  private CurveEquation() {}

  /** {@code bytes} is a 48-byte G1 encoding whose x is below p. */
  static boolean g1HasPointWithX(byte[] bytes) {
    BigInteger x = FieldBounds.littleEndian(bytes, 0, FP).clearBit(FP * 8 - 1);
    return isSquare(x.pow(3).add(FOUR).mod(P));
  }

  /** {@code bytes} is a 96-byte G2 encoding whose x components are below p. */
  static boolean g2HasPointWithX(byte[] bytes) {
    BigInteger a = FieldBounds.littleEndian(bytes, 0, FP);
    BigInteger b = FieldBounds.littleEndian(bytes, FP, FP).clearBit(FP * 8 - 1);
    // x² = (a² − b²) + 2ab·u, then x³ = x²·x.
    BigInteger sqA = a.multiply(a).subtract(b.multiply(b));
    BigInteger sqB = a.multiply(b).shiftLeft(1);
    BigInteger cubeA = sqA.multiply(a).subtract(sqB.multiply(b)).add(FOUR).mod(P);
    BigInteger cubeB = sqA.multiply(b).add(sqB.multiply(a)).add(FOUR).mod(P);
    // An Fp2 element is a square exactly when its norm c0² + c1² is a square in Fp.
    return isSquare(cubeA.multiply(cubeA).add(cubeB.multiply(cubeB)).mod(P));
  }

  /** Euler's criterion; zero counts as a square. */
  static boolean isSquare(BigInteger v) {
    return v.signum() == 0 || v.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }
}
