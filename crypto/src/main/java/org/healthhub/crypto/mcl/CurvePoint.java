package org.healthhub.crypto.mcl;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.healthhub.crypto.MalformedInputException;

/**
 * The instance side of {@link G1} and {@link G2}: the group law, scalar multiplication and
 * encoding, written once. Immutable; the struct bytes never leave the package.
 *
 * @param <P> the concrete point type
 */
abstract sealed class CurvePoint<P extends CurvePoint<P>> permits G1, G2 {
  final byte[] raw;
  // Serializing normalizes the point (a field inversion); keys and signatures are hashed into
  // every proof's transcript, so each point serializes at most once.
  private volatile byte[] encoded;

  CurvePoint(byte[] raw) {
    this.raw = raw;
  }

  /** This point, remembering {@code canonical} (its checked encoding) as its serialization. */
  P decodedFrom(byte[] canonical) {
    encoded = canonical.clone();
    return self();
  }

  abstract PointOps ops();

  abstract P wrap(byte[] raw);

  abstract P self();

  public P add(P other) {
    return wrap(ops().add(raw, other.raw));
  }

  public P sub(P other) {
    return wrap(ops().sub(raw, other.raw));
  }

  public P neg() {
    return wrap(ops().neg(raw));
  }

  /** Scalar multiplication {@code this·k}. */
  public P mul(Fr k) {
    return wrap(ops().mul(raw, k));
  }

  /** Whether this is the identity (point at infinity). */
  public boolean isZero() {
    return ops().isZero(raw) == 1;
  }

  /**
   * This point, for chaining after a decode where the identity is not allowed.
   *
   * @param what names the value in the exception message, e.g. "group key w"
   * @throws MalformedInputException if this is the identity
   */
  public P requireNonZero(String what) throws MalformedInputException {
    if (isZero()) {
      throw new MalformedInputException(
          what + ": identity element (" + ops().type + " point at infinity) not allowed");
    }
    return self();
  }

  /** mcl's default serialization (see the concrete class for the layout). */
  public byte[] toBytes() {
    byte[] known = encoded;
    if (known == null) {
      known = ops().encode(raw);
      encoded = known;
    }
    return known.clone();
  }

  /** Standard base64 with padding of {@link #toBytes()}, as pygroupsig's {@code to_b64()}. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ops().isEqual(raw, ((CurvePoint<?>) o).raw) == 1;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return ops().type + "(" + HexFormat.of().formatHex(toBytes()) + ")";
  }
}
