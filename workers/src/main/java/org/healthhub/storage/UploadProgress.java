package org.healthhub.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of an upload as the HTTP client reads it: counts what was sent (an upload that
 * started cannot be replayed) and when it last moved (an upload that moves has not timed out).
 */
final class UploadProgress extends BulkInputStream {
  private final InputStream content;
  private volatile long bytesSent;
  private volatile long lastProgressNanos = System.nanoTime();
  private volatile IOException sourceFailure;

  UploadProgress(InputStream content) {
    this.content = content;
  }

  boolean started() {
    return bytesSent > 0;
  }

  long bytesSent() {
    return bytesSent;
  }

  long lastProgressNanos() {
    return lastProgressNanos;
  }

  /** The caller's stream failed, not the connection. */
  IOException sourceFailure() {
    return sourceFailure;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read;
    try {
      read = content.read(buffer, offset, length);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
    if (read > 0) {
      bytesSent += read;
      lastProgressNanos = System.nanoTime();
    }
    return read;
  }
}
