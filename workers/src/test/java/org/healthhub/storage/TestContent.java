package org.healthhub.storage;

/** Deterministic pseudo-random content generated on the fly, so tests stream gigabytes without files. */
final class TestContent extends BulkInputStream {
  private long remaining;
  private long state;

  TestContent(long size, long seed) {
    this.remaining = size;
    this.state = seed * 0x9E3779B97F4A7C15L + 1;
  }

  static byte[] bytes(int size, long seed) {
    byte[] out = new byte[size];
    new TestContent(size, seed).read(out, 0, size);
    return out;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (remaining == 0) {
      return length == 0 ? 0 : -1;
    }
    int produced = (int) Math.min(length, remaining);
    for (int i = 0; i < produced; i++) {
      // xorshift64: cheap enough to stream a gigabyte in a few seconds.
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      buffer[offset + i] = (byte) state;
    }
    remaining -= produced;
    return produced;
  }
}
