package org.healthhub.crypto.record.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.record.DecryptionFailedException;

/**
 * Opens one segment at a time. It reads one byte past each full segment to learn whether that
 * segment is the last, since the last-flag in the nonce must match what the writer sealed.
 */
final class DecryptingInputStream extends InputStream {
  private final InputStream ciphertext;
  private final SegmentCipher cipher;
  private final byte[] sealed;
  private final byte[] plain;
  private final int fullSegment;
  private int buffered;
  private int position;
  private int available;
  private long index;
  private boolean lastOpened;
  private DecryptionFailedException failure;

  DecryptingInputStream(InputStream ciphertext, SecretKeySpec key, byte[] noncePrefix, int segmentSize) {
    this.ciphertext = ciphertext;
    this.cipher = new SegmentCipher(key, noncePrefix);
    this.fullSegment = segmentSize + StreamingAead.TAG_LENGTH;
    this.sealed = new byte[fullSegment + 1];
    this.plain = new byte[segmentSize];
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (position == available) {
      if (lastOpened) {
        return -1;
      }
      openNextSegment();
    }
    int n = Math.min(len, available - position);
    System.arraycopy(plain, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    ciphertext.close();
  }

  private void openNextSegment() throws IOException {
    if (failure != null) {
      throw new DecryptionFailedIOException(failure);
    }
    buffered += ciphertext.readNBytes(sealed, buffered, sealed.length - buffered);
    boolean last = buffered <= fullSegment;
    int length = last ? buffered : fullSegment;
    position = 0;
    available = 0;
    if (length < StreamingAead.TAG_LENGTH) {
      throw fail("segment " + index + " truncated: " + length + " bytes, shorter than a tag");
    }
    try {
      available = cipher.process(Cipher.DECRYPT_MODE, index, last, sealed, length, plain);
    } catch (GeneralSecurityException e) {
      throw fail("segment " + index + " failed authentication (altered, reordered, truncated or extended stream, or wrong key)");
    }
    if (!last) {
      sealed[0] = sealed[fullSegment];
    }
    buffered = last ? 0 : 1;
    lastOpened = last;
    index++;
  }

  private DecryptionFailedIOException fail(String reason) {
    failure = new DecryptionFailedException(reason);
    return new DecryptionFailedIOException(failure);
  }
}
