package org.healthhub.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Computes the CID of the bytes that pass through, for checking what a node stored or served.
 * Skipped bytes are read (InputStream's skip), so they are hashed too.
 */
class HashingInputStream extends BulkInputStream {
  private final InputStream in;
  private final DagHasher hasher = DagHasher.cidOnly();

  HashingInputStream(InputStream in) {
    this.in = in;
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

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Ends the hashing; call once, after the stream has been read to its end. */
  synchronized DagLink finish() throws IOException {
    return hasher.finish();
  }
}
