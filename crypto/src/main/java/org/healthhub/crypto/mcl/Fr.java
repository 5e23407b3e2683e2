package org.healthhub.crypto.mcl;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.healthhub.crypto.MalformedInputException;

/**
 * An element of Fr, the scalar field of BLS12-381 (integers mod r). Immutable.
 *
 * <p>Scalars are often secrets (member keys, nonces): {@link #toString()} never shows the value;
 * use {@link #toHex()} on purpose. {@link #equals} compares serializations in constant time.
 */
public final class Fr {
  /** Bytes of {@link #toBytes()}: the canonical value, little-endian. */
  public static final int SERIALIZED_SIZE = 32;

  private static final Fr ZERO = of(0);
  private static final Fr ONE = of(1);

  final byte[] raw;

  private Fr(byte[] raw) {
    this.raw = raw;
  }

  public static Fr zero() {
    return ZERO;
  }

  public static Fr one() {
    return ONE;
  }

  /** The residue of {@code value} mod r; negative values give r - |value|. */
  public static Fr of(long value) {
    BigInteger residue = BigInteger.valueOf(value).mod(FieldBounds.R);
    return fromCanonical(FieldBounds.toLittleEndian(residue, SERIALIZED_SIZE));
  }

  /**
   * mcl's {@code mclBnFr_setByCSPRNG} rule applied to 32 given bytes (what pygroupsig's random
   * draws do): little-endian x, {@code x mod 2^255}, and if {@code x >= r} then {@code x mod
   * 2^254}. No rejection, no reduction.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static Fr fromCsprngBytes(byte[] bytes) {
    if (bytes.length != SERIALIZED_SIZE) {
      throw new IllegalArgumentException("fromCsprngBytes needs 32 bytes, got " + bytes.length);
    }
    BigInteger x = FieldBounds.littleEndian(bytes, 0, SERIALIZED_SIZE).clearBit(255);
    if (x.compareTo(FieldBounds.R) >= 0) {
      x = x.clearBit(254);
    }
    return fromCanonical(FieldBounds.toLittleEndian(x, SERIALIZED_SIZE));
  }

  /** mcl's {@code mclBnFr_setHashOf}: SHA-256 of {@code data}, masked as in {@link #fromCsprngBytes}. */
  public static Fr hashOf(byte[] data) {
    byte[] raw = new byte[Mcl.FR_STRUCT];
    Mcl.check("mclBnFr_setHashOf", Mcl.mclBnFr_setHashOf(raw, data, data.length));
    return new Fr(raw);
  }

  /** One draw from {@code random}. */
  public static Fr random(RandomScalars random) {
    return random.nextFr();
  }

  /**
   * Decodes mcl's serialization: exactly 32 bytes, little-endian, value below r.
   *
   * @throws MalformedInputException on a wrong length or a value not below r
   */
  public static Fr fromBytes(byte[] bytes) throws MalformedInputException {
    FieldBounds.requireLength("Fr", bytes, SERIALIZED_SIZE);
    if (FieldBounds.littleEndian(bytes, 0, SERIALIZED_SIZE).compareTo(FieldBounds.R) >= 0) {
      throw new MalformedInputException("Fr: value is not below the group order r");
    }
    return fromCanonical(bytes);
  }

  /**
   * Decodes standard base64 (with padding) of {@link #toBytes()}.
   *
   * @throws MalformedInputException on bad base64 or any {@link #fromBytes} rejection
   */
  public static Fr fromBase64(String text) throws MalformedInputException {
    return fromBytes(Base64Codec.decode("Fr", text));
  }

  private static Fr fromCanonical(byte[] bytes) {
    byte[] raw = new byte[Mcl.FR_STRUCT];
    Mcl.checkSize("mclBnFr_deserialize", Mcl.mclBnFr_deserialize(raw, bytes, bytes.length), SERIALIZED_SIZE);
    return new Fr(raw);
  }

  public Fr add(Fr other) {
    return new Fr(Mcl.call(Mcl.FR_STRUCT, Mcl::mclBnFr_add, raw, other.raw));
  }

  public Fr sub(Fr other) {
    return new Fr(Mcl.call(Mcl.FR_STRUCT, Mcl::mclBnFr_sub, raw, other.raw));
  }

  public Fr mul(Fr other) {
    return new Fr(Mcl.call(Mcl.FR_STRUCT, Mcl::mclBnFr_mul, raw, other.raw));
  }

  public Fr neg() {
    return new Fr(Mcl.call(Mcl.FR_STRUCT, Mcl::mclBnFr_neg, raw));
  }

  /**
   * The inverse mod r.
   *
   * @throws ArithmeticException if this is zero
   */
  public Fr inv() {
    if (isZero()) {
      throw new ArithmeticException("Fr: zero has no inverse");
    }
    return new Fr(Mcl.call(Mcl.FR_STRUCT, Mcl::mclBnFr_inv, raw));
  }

  public boolean isZero() {
    return Mcl.mclBnFr_isZero(raw) == 1;
  }

  public boolean isOne() {
    return equals(ONE);
  }

  /** 32 bytes, the canonical value little-endian (mcl's default serialization). */
  public byte[] toBytes() {
    byte[] out = new byte[SERIALIZED_SIZE];
    Mcl.checkSize("mclBnFr_serialize", Mcl.mclBnFr_serialize(out, out.length, raw), SERIALIZED_SIZE);
    return out;
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(toBytes());
  }

  /** Lowercase hex of {@link #toBytes()}; shows the value, so never for secrets in logs. */
  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fr other && MessageDigest.isEqual(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  /** Does not reveal the value: scalars are often secrets. */
  @Override
  public String toString() {
    return "Fr[value hidden]";
  }
}
