package org.healthhub.storage;

import java.io.IOException;
import java.io.InputStream;

/** An InputStream that implements only the bulk read; the single-byte read goes through it. */
abstract class BulkInputStream extends InputStream {

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
