package org.healthhub.crypto.mcl;

import java.security.SecureRandom;

/** A source of random scalars. Schemes take one so that tests can replay pygroupsig's draws. */
public interface RandomScalars {

  /** The next scalar. */
  Fr nextFr();

  /**
   * Uniform scalars from {@link SecureRandom}: 32 bytes masked to 255 bits, redrawn while not
   * below r (rejection sampling). Unlike mcl's own rule it has no bias towards small values,
   * which matters for nonces; outputs are not replayable.
   */
  static RandomScalars secure() {
    return new SecureRandomScalars(new SecureRandom());
  }

  /**
   * The vectors' DRBG: the stream {@code SHA-256(seed || uint32_be(0)) || SHA-256(seed ||
   * uint32_be(1)) || ...}, 32 bytes per scalar, turned into Fr by mcl's rule ({@link
   * Fr#fromCsprngBytes}). Replays pygroupsig byte for byte; never for real keys.
   */
  static ReplayRandomScalars replay(byte[] seed) {
    return new ReplayRandomScalars(seed);
  }
}
