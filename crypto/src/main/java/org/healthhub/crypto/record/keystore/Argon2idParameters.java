package org.healthhub.crypto.record.keystore;

import org.healthhub.crypto.MalformedInputException;

/**
 * Cost of the passphrase KDF (Argon2id, RFC 9106). {@link #recommended()} follows RFC 9106's second
 * recommended option (64 MiB, 3 passes); the bounds also stop a hostile file from demanding
 * gigabytes.
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
  public static final int MIN_MEMORY_KIB = 8 * 1024;
  public static final int MAX_MEMORY_KIB = 1024 * 1024;
  public static final int MAX_ITERATIONS = 16;
  public static final int MAX_PARALLELISM = 4;

  public Argon2idParameters {
    if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2id memory " + memoryKiB + " KiB outside [" + MIN_MEMORY_KIB + ", " + MAX_MEMORY_KIB + "]");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("Argon2id iterations " + iterations + " outside [1, " + MAX_ITERATIONS + "]");
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("Argon2id parallelism " + parallelism + " outside [1, " + MAX_PARALLELISM + "]");
    }
  }

  public static Argon2idParameters recommended() {
    return new Argon2idParameters(64 * 1024, 3, 1);
  }

  static Argon2idParameters fromFile(int memoryKiB, int iterations, int parallelism) throws MalformedInputException {
    try {
      return new Argon2idParameters(memoryKiB, iterations, parallelism);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("keystore KDF parameters: " + e.getMessage());
    }
  }
}
