package org.healthhub.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Computes the CID of the bytes that pass through, for checking what a node stored or served. */
class HashingInputStream extends FilterInputStream {
  private final DagHasher hasher = DagHasher.cidOnly();

  HashingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  // Synchronized because the HTTP client reads an upload on its own threads.
  @Override
  public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
    int read = in.read(buffer, offset, length);
    if (read > 0) {
      hasher.update(buffer, offset, read);
    }
    return read;
  }

  /** Skipped bytes are read, so they are hashed too. */
  @Override
  public long skip(long n) throws IOException {
    byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Ends the hashing; call once, after the stream has been read to its end. */
  synchronized DagLink finish() throws IOException {
    return hasher.finish();
  }
}
