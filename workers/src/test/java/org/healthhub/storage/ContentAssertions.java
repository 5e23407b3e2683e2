package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;

/** Compares a stream with generated content chunk by chunk, so gigabytes compare in small memory. */
final class ContentAssertions {
  private ContentAssertions() {}

  static void assertStreamsGeneratedContent(InputStream actual, long size, long seed)
      throws IOException {
    try (InputStream in = actual) {
      InputStream expected = new TestContent(size, seed);
      byte[] want = new byte[64 * 1024];
      byte[] got = new byte[64 * 1024];
      long position = 0;
      for (int n; (n = expected.readNBytes(want, 0, want.length)) > 0; position += n) {
        int read = in.readNBytes(got, 0, n);
        if (read != n) {
          fail("stream ended at " + (position + read) + " bytes, expected " + size);
        }
        if (!java.util.Arrays.equals(want, 0, n, got, 0, n)) {
          fail("content differs in the 64 KiB block at offset " + position);
        }
      }
      assertThat(in.read()).as("no bytes after the expected " + size).isEqualTo(-1);
    }
  }
}
