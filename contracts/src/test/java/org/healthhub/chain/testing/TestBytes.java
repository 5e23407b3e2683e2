package org.healthhub.chain.testing;

import java.security.SecureRandom;

/** Fresh random 32-byte values for roots, digests and salts. */
public final class TestBytes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestBytes() {}

  public static byte[] random32() {
    byte[] value = new byte[32];
    RANDOM.nextBytes(value);
    value[0] |= 1; // never all zero: the contract refuses zero digests
    return value;
  }
}
