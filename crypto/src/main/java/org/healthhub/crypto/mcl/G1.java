package org.healthhub.crypto.mcl;

import java.util.List;
import org.healthhub.crypto.MalformedInputException;

/**
 * A point of G1, the order-r subgroup of BLS12-381's curve over Fp, written additively.
 * Immutable. Every instance is in G1: decoders check the subgroup, operations stay in it.
 */
public final class G1 extends CurvePoint<G1> {
  /** Bytes of {@link #toBytes()}: x little-endian, bit 7 of byte 47 = y odd; all zero = identity. */
  public static final int SERIALIZED_SIZE = 48;

  static final PointOps OPS = new PointOps("G1", Mcl.G1_STRUCT, SERIALIZED_SIZE) {
    @Override long deserialize(byte[] x, byte[] buf, long size) { return Mcl.mclBnG1_deserialize(x, buf, size); }
    @Override long serialize(byte[] buf, long size, byte[] x) { return Mcl.mclBnG1_serialize(buf, size, x); }
    @Override int setStr(byte[] x, byte[] buf, long size, int mode) { return Mcl.mclBnG1_setStr(x, buf, size, mode); }
    @Override int isEqual(byte[] x, byte[] y) { return Mcl.mclBnG1_isEqual(x, y); }
    @Override int isZero(byte[] x) { return Mcl.mclBnG1_isZero(x); }
    @Override int isValidOrder(byte[] x) { return Mcl.mclBnG1_isValidOrder(x); }
    @Override int hashAndMapTo(byte[] x, byte[] buf, long size) { return Mcl.mclBnG1_hashAndMapTo(x, buf, size); }
    @Override void neg(byte[] y, byte[] x) { Mcl.mclBnG1_neg(y, x); }
    @Override void add(byte[] z, byte[] x, byte[] y) { Mcl.mclBnG1_add(z, x, y); }
    @Override void sub(byte[] z, byte[] x, byte[] y) { Mcl.mclBnG1_sub(z, x, y); }
    @Override void mul(byte[] z, byte[] x, byte[] k) { Mcl.mclBnG1_mul(z, x, k); }
    @Override void mulVec(byte[] z, byte[] xs, byte[] ks, long n) { Mcl.mclBnG1_mulVec(z, xs, ks, n); }
    @Override boolean hasPointWithX(byte[] bytes) { return CurveEquation.g1HasPointWithX(bytes); }
  };

  // pygroupsig's G1.set_generator(): setStr mode 10 of the standard BLS12-381 generator.
  private static final G1 GENERATOR = new G1(OPS.fromText(
      "1 3685416753713387016781088315183077757961620795782546409894578378688607592378376318836054947676345821548104185464507"
          + " 1339506544944476473020471379941921221584933875938349620426543736416511423956333506472724655353366534992391756441569",
      10));
  private static final G1 ZERO = new G1(OPS.zero());

  private G1(byte[] raw) {
    super(raw);
  }

  @Override
  PointOps ops() {
    return OPS;
  }

  @Override
  G1 wrap(byte[] raw) {
    return new G1(raw);
  }

  @Override
  G1 self() {
    return this;
  }

  /** pygroupsig's generator (the standard BLS12-381 G1 generator, not mcl's base point). */
  public static G1 generator() {
    return GENERATOR;
  }

  /**
   * This point ready for many multiplications: a table of its multiples is computed once (see
   * {@link FixedBaseG1}). Precompute generators and group-key elements, not one-off points.
   */
  public FixedBaseG1 precompute() {
    return new FixedBaseG1(this, true);
  }

  /** The identity (point at infinity). */
  public static G1 zero() {
    return ZERO;
  }

  /** {@code generator()·k} for one draw k, as pygroupsig's {@code set_random()}. */
  public static G1 random(RandomScalars random) {
    return FixedBaseG1.generator().mul(random.nextFr());
  }

  /** mcl's {@code mclBnG1_hashAndMapTo} in its original (not RFC 9380) map-to mode. */
  public static G1 hashAndMapTo(byte[] message) {
    return new G1(OPS.hashAndMapTo(message));
  }

  /** Σ points[i]·scalars[i] ({@code mclBnG1_mulVec}); the empty sum is the identity. */
  public static G1 mulVec(List<G1> points, List<Fr> scalars) {
    return new G1(OPS.mulVec(points, scalars, p -> p.raw));
  }

  /**
   * Decodes 48 bytes of mcl's serialization. Accepts the identity (pygroupsig data holds it);
   * use {@link #requireNonZero} where it is not allowed.
   *
   * @throws MalformedInputException on a wrong length, x not below p, x not on the curve, a
   *     non-canonical encoding, or a point outside the prime-order subgroup
   */
  public static G1 fromBytes(byte[] bytes) throws MalformedInputException {
    return new G1(OPS.decode(bytes)).decodedFrom(bytes);
  }

  /** {@link #fromBytes} of standard base64. */
  public static G1 fromBase64(String text) throws MalformedInputException {
    return fromBytes(Base64Codec.decode("G1", text));
  }
}
