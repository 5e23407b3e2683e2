package org.healthhub.crypto.mcl;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Uniform scalars by rejection sampling; see {@link RandomScalars#secure()}. */
final class SecureRandomScalars implements RandomScalars {
  private final SecureRandom random;

  SecureRandomScalars(SecureRandom random) {
    this.random = random;
  }

  @Override
  public Fr nextFr() {
    byte[] bytes = new byte[Fr.SERIALIZED_SIZE];
    while (true) {
      random.nextBytes(bytes);
      bytes[Fr.SERIALIZED_SIZE - 1] &= 0x7f;
      // r is about 0.45 * 2^255: on average 2.2 draws.
      if (FieldBounds.littleEndian(bytes, 0, bytes.length).compareTo(FieldBounds.R) < 0) {
        return Fr.fromCsprngBytes(bytes);
      }
    }
  }
}
