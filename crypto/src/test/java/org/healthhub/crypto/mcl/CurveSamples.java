package org.healthhub.crypto.mcl;

import java.math.BigInteger;
import java.util.function.Predicate;

/**
 * Encodings with a small x that mcl's deserializer must refuse or that land outside the
 * subgroup. A random point of E(Fp) or E'(Fp2) lies in the order-r subgroup with probability
 * 1/cofactor, so the first on-curve small x is (overwhelmingly) outside it.
 */
public final class CurveSamples {
  private CurveSamples() {}

  public static byte[] g1OffCurve() {
    return firstEncoding(G1.SERIALIZED_SIZE, b -> !CurveEquation.g1HasPointWithX(b));
  }

  public static byte[] g1OnCurveOutsideSubgroup() {
    return firstEncoding(G1.SERIALIZED_SIZE, CurveEquation::g1HasPointWithX);
  }

  public static byte[] g2OffCurve() {
    return firstEncoding(G2.SERIALIZED_SIZE, b -> !CurveEquation.g2HasPointWithX(b));
  }

  public static byte[] g2OnCurveOutsideSubgroup() {
    return firstEncoding(G2.SERIALIZED_SIZE, CurveEquation::g2HasPointWithX);
  }

  /** The first encoding with x = 1, 2, 3, ... (the real part for G2) that passes {@code wanted}. */
  private static byte[] firstEncoding(int size, Predicate<byte[]> wanted) {
    for (long x = 1; ; x++) {
      byte[] bytes = new byte[size];
      System.arraycopy(FieldBounds.toLittleEndian(BigInteger.valueOf(x), 8), 0, bytes, 0, 8);
      if (wanted.test(bytes)) {
        return bytes;
      }
    }
  }
}
