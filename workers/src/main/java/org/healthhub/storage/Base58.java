package org.healthhub.storage;

import java.math.BigInteger;

/** Bitcoin's base58 alphabet, the "btc" encoding CIDv0 strings use. */
final class Base58 {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    while (value.signum() > 0) {
      BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
      value = quotientAndRemainder[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append(ALPHABET.charAt(0));
    }
    return out.reverse().toString();
  }

  static byte[] decode(String text) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new InvalidCidException(
            "'" + text.charAt(i) + "' at position " + i + " is not a base58btc character");
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int leadingZeros = 0;
    while (leadingZeros < text.length() && text.charAt(leadingZeros) == ALPHABET.charAt(0)) {
      leadingZeros++;
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int signByte = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[leadingZeros + magnitude.length - signByte];
    System.arraycopy(magnitude, signByte, out, leadingZeros, magnitude.length - signByte);
    return out;
  }
}
