package org.healthhub.crypto.record;

import java.io.InputStream;
import java.io.OutputStream;

/** Generated input and a counting sink, so the benchmark streams gigabytes without storing them. */
final class BenchStreams {
  private BenchStreams() {}

  /** {@code length} bytes of a repeating pseudo-random block. */
  static InputStream generated(long length) {
    byte[] block = new byte[64 * 1024];
    new java.util.Random(42).nextBytes(block);
    return new InputStream() {
      private long remaining = length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (remaining == 0) {
          return -1;
        }
        int n = (int) Math.min(Math.min(len, remaining), block.length);
        System.arraycopy(block, 0, b, off, n);
        remaining -= n;
        return n;
      }
    };
  }

  static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
