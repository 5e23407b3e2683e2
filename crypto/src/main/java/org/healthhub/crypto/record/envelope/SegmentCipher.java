package org.healthhub.crypto.record.envelope;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** One AES-GCM cipher reused for every segment of a stream; only the nonce changes. */
final class SegmentCipher {
  private static final long MAX_SEGMENTS = 1L << 32;
  private final Cipher cipher;
  private final SecretKeySpec key;
  private final byte[] nonce = new byte[12];

  SegmentCipher(SecretKeySpec key, byte[] noncePrefix) {
    this.key = key;
    System.arraycopy(noncePrefix, 0, nonce, 0, 7);
    try {
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks AES/GCM/NoPadding", e);
    }
  }

  /** Seals or opens {@code length} bytes in place-free fashion; returns the output length. */
  int process(int mode, long index, boolean last, byte[] in, int length, byte[] out)
      throws GeneralSecurityException {
    if (index >= MAX_SEGMENTS) {
      throw new GeneralSecurityException("stream exceeds " + MAX_SEGMENTS + " segments");
    }
    nonce[7] = (byte) (index >>> 24);
    nonce[8] = (byte) (index >>> 16);
    nonce[9] = (byte) (index >>> 8);
    nonce[10] = (byte) index;
    nonce[11] = (byte) (last ? 1 : 0);
    cipher.init(mode, key, new GCMParameterSpec(128, nonce));
    return cipher.doFinal(in, 0, length, out, 0);
  }
}
