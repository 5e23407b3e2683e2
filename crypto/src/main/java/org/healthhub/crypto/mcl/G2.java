package org.healthhub.crypto.mcl;

import java.util.List;
import org.healthhub.crypto.MalformedInputException;

/**
 * A point of G2, the order-r subgroup of BLS12-381's twist over Fp2, written additively.
 * Immutable. Every instance is in G2: decoders check the subgroup, operations stay in it.
 */
public final class G2 extends CurvePoint<G2> {
  /** Bytes of {@link #toBytes()}: x.a then x.b little-endian, bit 7 of byte 95 = y.a odd; all zero = identity. */
  public static final int SERIALIZED_SIZE = 96;

  static final PointOps OPS = new PointOps("G2", Mcl.G2_STRUCT, SERIALIZED_SIZE) {
    @Override long deserialize(byte[] x, byte[] buf, long size) { return Mcl.mclBnG2_deserialize(x, buf, size); }
    @Override long serialize(byte[] buf, long size, byte[] x) { return Mcl.mclBnG2_serialize(buf, size, x); }
    @Override int setStr(byte[] x, byte[] buf, long size, int mode) { return Mcl.mclBnG2_setStr(x, buf, size, mode); }
    @Override int isEqual(byte[] x, byte[] y) { return Mcl.mclBnG2_isEqual(x, y); }
    @Override int isZero(byte[] x) { return Mcl.mclBnG2_isZero(x); }
    @Override int isValidOrder(byte[] x) { return Mcl.mclBnG2_isValidOrder(x); }
    @Override int hashAndMapTo(byte[] x, byte[] buf, long size) { return Mcl.mclBnG2_hashAndMapTo(x, buf, size); }
    @Override void neg(byte[] y, byte[] x) { Mcl.mclBnG2_neg(y, x); }
    @Override void add(byte[] z, byte[] x, byte[] y) { Mcl.mclBnG2_add(z, x, y); }
    @Override void sub(byte[] z, byte[] x, byte[] y) { Mcl.mclBnG2_sub(z, x, y); }
    @Override void mul(byte[] z, byte[] x, byte[] k) { Mcl.mclBnG2_mul(z, x, k); }
    @Override void mulVec(byte[] z, byte[] xs, byte[] ks, long n) { Mcl.mclBnG2_mulVec(z, xs, ks, n); }
    @Override boolean hasPointWithX(byte[] bytes) { return CurveEquation.g2HasPointWithX(bytes); }
  };

  // pygroupsig's G2.set_generator(): setStr mode 10 of the standard BLS12-381 generator.
  private static final G2 GENERATOR = new G2(OPS.fromText(
      "1 352701069587466618187139116011060144890029952792775240219908644239793785735715026873347600343865175952761926303160"
          + " 3059144344244213709971259814753781636986470325476647558659373206291635324768958432433509563104347017837885763365758"
          + " 1985150602287291935568054521177171638300868978215655730859378665066344726373823718423869104263333984641494340347905"
          + " 927553665492332455747201965776037880757740193453592970025027978793976877002675564980949289727957565575433344219582",
      10));
  private static final G2 ZERO = new G2(OPS.zero());

  private G2(byte[] raw) {
    super(raw);
  }

  @Override
  PointOps ops() {
    return OPS;
  }

  @Override
  G2 wrap(byte[] raw) {
    return new G2(raw);
  }

  @Override
  G2 self() {
    return this;
  }

  /** pygroupsig's generator (the standard BLS12-381 G2 generator, not mcl's base point). */
  public static G2 generator() {
    return GENERATOR;
  }

  /**
   * This point ready for many multiplications: a table of its multiples is computed once (see
   * {@link FixedBaseG2}). Precompute generators and group-key elements, not one-off points.
   */
  public FixedBaseG2 precompute() {
    return new FixedBaseG2(this, true);
  }

  /** The identity (point at infinity). */
  public static G2 zero() {
    return ZERO;
  }

  /** {@code generator()·k} for one draw k, as pygroupsig's {@code set_random()}. */
  public static G2 random(RandomScalars random) {
    return FixedBaseG2.generator().mul(random.nextFr());
  }

  /** mcl's {@code mclBnG2_hashAndMapTo} in its original (not RFC 9380) map-to mode. */
  public static G2 hashAndMapTo(byte[] message) {
    return new G2(OPS.hashAndMapTo(message));
  }

  /** Σ points[i]·scalars[i] ({@code mclBnG2_mulVec}); the empty sum is the identity. */
  public static G2 mulVec(List<G2> points, List<Fr> scalars) {
    return new G2(OPS.mulVec(points, scalars, p -> p.raw));
  }

  /**
   * Decodes 96 bytes of mcl's serialization. Accepts the identity (pygroupsig data holds it);
   * use {@link #requireNonZero} where it is not allowed.
   *
   * @throws MalformedInputException on a wrong length, x not below p, x not on the curve, a
   *     non-canonical encoding, or a point outside the prime-order subgroup
   */
  public static G2 fromBytes(byte[] bytes) throws MalformedInputException {
    return new G2(OPS.decode(bytes)).decodedFrom(bytes);
  }

  /** {@link #fromBytes} of standard base64. */
  public static G2 fromBase64(String text) throws MalformedInputException {
    return fromBytes(Base64Codec.decode("G2", text));
  }
}
