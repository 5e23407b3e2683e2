package org.healthhub.crypto.mcl;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;

/**
 * An element of GT, the order-r subgroup of Fp12* where pairings land, written multiplicatively.
 * Immutable. Every instance is in GT: {@link #fromBytes} checks membership, so the fast
 * GT-only operations ({@code mclBnGT_pow}, the conjugate as inverse) are always correct here.
 */
public final class GT {
  /** Bytes of {@link #toBytes()}: 12 Fp coefficients, 48 bytes little-endian each, mcl tower order. */
  public static final int SERIALIZED_SIZE = 576;

  private static final BigInteger ABS_Z = new BigInteger("d201000000010000", 16);
  private static final GT ONE;
  private static final byte[] ABS_Z_RAW;

  static {
    byte[] one = new byte[SERIALIZED_SIZE];
    one[0] = 1;
    ONE = new GT(deserialize(one));
    ABS_Z_RAW = Fr.fromCsprngBytes(FieldBounds.toLittleEndian(ABS_Z, Fr.SERIALIZED_SIZE)).raw;
  }

  final byte[] raw;

  GT(byte[] raw) {
    this.raw = raw;
  }

  /** The identity. */
  public static GT one() {
    return ONE;
  }

  /** Π xs[i]^ks[i] ({@code mclBnGT_powVec}); the empty product is one. */
  public static GT powVec(List<GT> elements, List<Fr> exponents) {
    if (elements.size() != exponents.size()) {
      throw new IllegalArgumentException(
          "GT.powVec: " + elements.size() + " elements but " + exponents.size() + " exponents");
    }
    if (elements.isEmpty()) {
      return ONE;
    }
    byte[] z = new byte[Mcl.GT_STRUCT];
    Mcl.mclBnGT_powVec(
        z,
        PointOps.concat(elements, Mcl.GT_STRUCT, x -> x.raw),
        PointOps.concat(exponents, Mcl.FR_STRUCT, k -> k.raw),
        elements.size());
    return new GT(z);
  }

  /**
   * Decodes 576 bytes of mcl's serialization and checks membership in GT (x^r = 1).
   *
   * @throws MalformedInputException on a wrong length, a coefficient not below p, the all-zero
   *     field element (mcl's unassigned default), or an element outside the order-r subgroup
   */
  public static GT fromBytes(byte[] bytes) throws MalformedInputException {
    FieldBounds.requireLength("GT", bytes, SERIALIZED_SIZE);
    FieldBounds.requireFpChunksBelowP("GT", bytes, false);
    byte[] x = deserialize(bytes);
    if (Mcl.mclBnGT_isZero(x) == 1) {
      throw new MalformedInputException("GT: the zero field element is not a group element");
    }
    if (!isInGt(bytes, x)) {
      throw new MalformedInputException("GT: element is not in the order-r subgroup");
    }
    return new GT(x);
  }

  /** {@link #fromBytes} of standard base64. */
  public static GT fromBase64(String text) throws MalformedInputException {
    return fromBytes(Base64Codec.decode("GT", text));
  }

  /**
   * Scott's test (ePrint 2021/1130) instead of x^r = 1, under half its cost: x is in the
   * cyclotomic subgroup (order Φ12(p) = r·h) iff x^(p⁴)·x = x^(p²), and such an x is in GT iff
   * x^p = x^z (z = −0xd201000000010000, the curve parameter; p ≡ z mod r), i.e. x^p·x^|z| = 1:
   * gcd(p − z, r·h) = r for BLS12-381. Both exponents act through the Frobenius map, except |z|,
   * 64 bits, one generic power (the GLV power is only right inside GT).
   */
  private static boolean isInGt(byte[] serialized, byte[] x) {
    byte[] p2 = Frobenius.apply(serialized, 2);
    byte[] p4 = Frobenius.apply(p2, 2);
    byte[] p4TimesX = Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_mul, deserialize(p4), x);
    if (Mcl.mclBnGT_isEqual(p4TimesX, deserialize(p2)) != 1) {
      return false;
    }
    byte[] toTheP = deserialize(Frobenius.apply(serialized, 1));
    byte[] toTheAbsZ = Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_powGeneric, x, ABS_Z_RAW);
    return Mcl.mclBnGT_isOne(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_mul, toTheP, toTheAbsZ)) == 1;
  }

  private static byte[] deserialize(byte[] bytes) {
    byte[] x = new byte[Mcl.GT_STRUCT];
    Mcl.checkSize("mclBnGT_deserialize", Mcl.mclBnGT_deserialize(x, bytes, bytes.length), SERIALIZED_SIZE);
    return x;
  }

  public GT mul(GT other) {
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_mul, raw, other.raw));
  }

  public GT div(GT other) {
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_div, raw, other.raw));
  }

  /** The inverse; mcl's unitary inverse (conjugate), exact for elements of GT. */
  public GT inv() {
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_inv, raw));
  }

  public GT pow(Fr k) {
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBnGT_pow, raw, k.raw));
  }

  /**
   * A table of this element's powers for repeated {@link PrecomputedGT#pow}, which gives the
   * same values as {@link #pow}. Building it costs about a dozen powers (it also checks the base is
   * in GT), each power then saves half of one: worth it for a base raised to dozens of exponents.
   */
  public PrecomputedGT precompute() {
    return PrecomputedGT.of(this);
  }

  public boolean isOne() {
    return Mcl.mclBnGT_isOne(raw) == 1;
  }

  public byte[] toBytes() {
    byte[] out = new byte[SERIALIZED_SIZE];
    Mcl.checkSize("mclBnGT_serialize", Mcl.mclBnGT_serialize(out, out.length, raw), SERIALIZED_SIZE);
    return out;
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GT other && Mcl.mclBnGT_isEqual(raw, other.raw) == 1;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "GT(" + HexFormat.of().formatHex(toBytes()) + ")";
  }
}
