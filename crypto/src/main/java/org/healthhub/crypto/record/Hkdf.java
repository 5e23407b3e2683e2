package org.healthhub.crypto.record;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869), the one key-derivation function of record protection. Extract and
 * expand are also offered apart, for many keys from one input key (a Merkle tree's leaf salts):
 * {@code expand(extract(ikm, salt), info, n)} is {@code sha256(ikm, salt, info, n)}.
 */
public final class Hkdf {
  private static final String HMAC = "HmacSHA256";
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  public static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
    byte[] prk = extract(inputKey, salt);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  /** HKDF-Extract; a null or empty salt stands for 32 zero bytes, as RFC 5869 says. */
  public static byte[] extract(byte[] inputKey, byte[] salt) {
    byte[] key = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
    return hmac(key).doFinal(inputKey);
  }

  /**
   * HKDF-Expand of a pseudorandom key from {@link #extract}.
   *
   * @throws IllegalArgumentException if {@code length} is not within 1..8160 (255 blocks)
   */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF-SHA256 output length must be within 1.." + 255 * HASH_LENGTH + ", got " + length);
    }
    Mac mac = hmac(prk);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    for (int i = 1, done = 0; done < length; i++) {
      mac.update(block);
      mac.update(info == null ? new byte[0] : info);
      mac.update((byte) i);
      block = mac.doFinal();
      int n = Math.min(block.length, length - done);
      System.arraycopy(block, 0, out, done, n);
      done += n;
    }
    Arrays.fill(block, (byte) 0);
    return out;
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + HMAC, e);
    }
  }
}
