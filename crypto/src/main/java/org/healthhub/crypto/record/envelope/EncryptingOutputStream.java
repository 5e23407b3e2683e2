package org.healthhub.crypto.record.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** Buffers one segment; a full segment is sealed only once more bytes prove it is not the last. */
final class EncryptingOutputStream extends OutputStream {
  private final OutputStream ciphertext;
  private final SegmentCipher cipher;
  private final byte[] plain;
  private final byte[] sealed;
  private int filled;
  private long index;
  private boolean closed;

  EncryptingOutputStream(OutputStream ciphertext, SecretKeySpec key, byte[] noncePrefix, int segmentSize) {
    this.ciphertext = ciphertext;
    this.cipher = new SegmentCipher(key, noncePrefix);
    this.plain = new byte[segmentSize];
    this.sealed = new byte[segmentSize + StreamingAead.TAG_LENGTH];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      if (filled == plain.length) {
        seal(false);
      }
      int n = Math.min(len, plain.length - filled);
      System.arraycopy(b, off, plain, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void flush() throws IOException {
    ciphertext.flush();
  }

  /** Seals the last segment and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    seal(true);
    ciphertext.close();
  }

  private void seal(boolean last) throws IOException {
    try {
      int n = cipher.process(Cipher.ENCRYPT_MODE, index, last, plain, filled, sealed);
      ciphertext.write(sealed, 0, n);
    } catch (GeneralSecurityException e) {
      throw new IOException("sealing segment " + index + " failed", e);
    }
    index++;
    filled = 0;
  }
}
