package org.healthhub.chain;

import java.util.Arrays;
import java.util.HexFormat;

/** Checks and prints the 32-byte values the contract takes (roots, digests, salts). */
final class Bytes32 {
  private Bytes32() {}

  static byte[] require(String name, byte[] value) {
    if (value == null || value.length != 32) {
      throw new IllegalArgumentException(name + " must be 32 bytes, got " + (value == null ? "null" : value.length));
    }
    return value.clone();
  }

  static byte[] requireNonZero(String name, byte[] value) {
    byte[] checked = require(name, value);
    if (Arrays.equals(checked, new byte[32])) {
      throw new IllegalArgumentException(name + " must not be all zero");
    }
    return checked;
  }

  static String hex(byte[] value) {
    return "0x" + HexFormat.of().formatHex(value);
  }
}
