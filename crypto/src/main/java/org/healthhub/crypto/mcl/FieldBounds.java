package org.healthhub.crypto.mcl;

import java.math.BigInteger;
import org.healthhub.crypto.MalformedInputException;

/** BLS12-381's moduli and the range checks that give decoders a precise reason to reject. */
final class FieldBounds {
  static final BigInteger P = new BigInteger(
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
  static final BigInteger R = new BigInteger(
      "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  static final int FP_BYTES = 48;

  private FieldBounds() {}

  static BigInteger littleEndian(byte[] bytes, int offset, int length) {
    byte[] bigEndian = new byte[length];
    for (int i = 0; i < length; i++) {
      bigEndian[i] = bytes[offset + length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  static byte[] toLittleEndian(BigInteger value, int length) {
    byte[] bigEndian = value.toByteArray();
    byte[] out = new byte[length];
    for (int i = 0; i < bigEndian.length && i < length; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }

  static void requireLength(String type, byte[] bytes, int expected) throws MalformedInputException {
    if (bytes == null) {
      throw new MalformedInputException(type + ": no bytes given");
    }
    if (bytes.length != expected) {
      throw new MalformedInputException(
          type + ": wrong length " + bytes.length + " bytes, expected " + expected);
    }
  }

  /**
   * Checks that every 48-byte little-endian Fp chunk is below p. When {@code lastChunkFlag} is
   * set, bit 7 of the final byte is mcl's y-parity flag and is not part of the value.
   */
  static void requireFpChunksBelowP(String type, byte[] bytes, boolean lastChunkFlag)
      throws MalformedInputException {
    int chunks = bytes.length / FP_BYTES;
    for (int i = 0; i < chunks; i++) {
      BigInteger value = littleEndian(bytes, i * FP_BYTES, FP_BYTES);
      if (lastChunkFlag && i == chunks - 1) {
        value = value.clearBit(FP_BYTES * 8 - 1);
      }
      if (value.compareTo(P) >= 0) {
        throw new MalformedInputException(
            type + ": coordinate " + i + " is not below the field modulus p");
      }
    }
  }
}
