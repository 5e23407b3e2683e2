package org.healthhub.crypto.record;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Secret key material that never prints and hands out only copies. Compare two with
 * {@link #equalsSecret}, which runs in constant time.
 */
public final class SecretBytes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] bytes;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}; later changes to the caller's array do not reach this secret. */
  public static SecretBytes copyOf(byte[] bytes) {
    return new SecretBytes(bytes.clone());
  }

  public static SecretBytes random(int length) {
    byte[] fresh = new byte[length];
    RANDOM.nextBytes(fresh);
    return new SecretBytes(fresh);
  }

  public int length() {
    return bytes.length;
  }

  /** A copy of the secret: the caller owns it and should wipe it when done. */
  public byte[] copySecret() {
    return bytes.clone();
  }

  public boolean equalsSecret(SecretBytes other) {
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Overwrites the secret in place; the object is unusable afterwards. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes, redacted]";
  }
}
