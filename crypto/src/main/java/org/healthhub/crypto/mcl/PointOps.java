package org.healthhub.crypto.mcl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.healthhub.crypto.MalformedInputException;

/**
 * What G1 and G2 share: the calls differ only in the mcl prefix and the sizes, so each group
 * supplies its natives and this class holds the checks and the buffer handling once.
 */
abstract class PointOps {
  final String type;
  final int structSize;
  final int serializedSize;

  PointOps(String type, int structSize, int serializedSize) {
    this.type = type;
    this.structSize = structSize;
    this.serializedSize = serializedSize;
  }

  abstract long deserialize(byte[] x, byte[] buf, long size);

  abstract long serialize(byte[] buf, long size, byte[] x);

  abstract int setStr(byte[] x, byte[] buf, long size, int ioMode);

  abstract int isEqual(byte[] x, byte[] y);

  abstract int isZero(byte[] x);

  abstract int isValidOrder(byte[] x);

  abstract int hashAndMapTo(byte[] x, byte[] buf, long size);

  abstract void neg(byte[] y, byte[] x);

  abstract void add(byte[] z, byte[] x, byte[] y);

  abstract void sub(byte[] z, byte[] x, byte[] y);

  abstract void mul(byte[] z, byte[] x, byte[] k);

  abstract void mulVec(byte[] z, byte[] xs, byte[] ks, long n);

  /** Whether some curve point (in the subgroup or not) has the encoded x. */
  abstract boolean hasPointWithX(byte[] bytes);

  private String prefix() {
    return "mclBn" + type + "_";
  }

  /** Parses mcl's text format; used only for the fixed generator strings. */
  byte[] fromText(String text, int ioMode) {
    byte[] z = new byte[structSize];
    byte[] buf = text.getBytes(StandardCharsets.US_ASCII);
    Mcl.check(prefix() + "setStr", setStr(z, buf, buf.length, ioMode));
    return z;
  }

  byte[] zero() {
    byte[] z = new byte[structSize];
    Mcl.checkSize(prefix() + "deserialize", deserialize(z, new byte[serializedSize], serializedSize), serializedSize);
    return z;
  }

  /** Decodes and validates: length, coordinates below p, on the curve, canonical, in the order-r subgroup. */
  byte[] decode(byte[] bytes) throws MalformedInputException {
    FieldBounds.requireLength(type, bytes, serializedSize);
    FieldBounds.requireFpChunksBelowP(type, bytes, true);
    byte[] z = new byte[structSize];
    if (deserialize(z, bytes, bytes.length) != serializedSize) {
      throw new MalformedInputException(hasPointWithX(bytes)
          ? type + ": point is on the curve but not in the prime-order subgroup"
          : type + ": x coordinate is not on the curve (no point with that x)");
    }
    if (!Arrays.equals(encode(z), bytes)) {
      throw new MalformedInputException(type + ": non-canonical encoding (flag bits or infinity form)");
    }
    if (isValidOrder(z) != 1) {
      throw new MalformedInputException(type + ": point is on the curve but not in the prime-order subgroup");
    }
    return z;
  }

  byte[] encode(byte[] raw) {
    byte[] out = new byte[serializedSize];
    Mcl.checkSize(prefix() + "serialize", serialize(out, out.length, raw), serializedSize);
    return out;
  }

  byte[] hashAndMapTo(byte[] message) {
    byte[] z = new byte[structSize];
    Mcl.check(prefix() + "hashAndMapTo", hashAndMapTo(z, message, message.length));
    return z;
  }

  byte[] neg(byte[] x) {
    return Mcl.call(structSize, this::neg, x);
  }

  byte[] add(byte[] x, byte[] y) {
    return Mcl.call(structSize, this::add, x, y);
  }

  byte[] sub(byte[] x, byte[] y) {
    return Mcl.call(structSize, this::sub, x, y);
  }

  byte[] mul(byte[] x, Fr k) {
    return Mcl.call(structSize, this::mul, x, k.raw);
  }

  /** Σ points[i]·scalars[i]; the empty sum is the identity. */
  <P> byte[] mulVec(List<P> points, List<Fr> scalars, Function<P, byte[]> rawOf) {
    if (points.size() != scalars.size()) {
      throw new IllegalArgumentException(
          type + ".mulVec: " + points.size() + " points but " + scalars.size() + " scalars");
    }
    if (points.isEmpty()) {
      return zero();
    }
    byte[] xs = concat(points, structSize, rawOf);
    byte[] ks = concat(scalars, Mcl.FR_STRUCT, k -> k.raw);
    byte[] z = new byte[structSize];
    mulVec(z, xs, ks, points.size());
    return z;
  }

  static <T> byte[] concat(List<T> items, int size, Function<T, byte[]> rawOf) {
    byte[] all = new byte[items.size() * size];
    for (int i = 0; i < items.size(); i++) {
      System.arraycopy(rawOf.apply(items.get(i)), 0, all, i * size, size);
    }
    return all;
  }
}
