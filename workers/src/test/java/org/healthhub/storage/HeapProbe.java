package org.healthhub.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures how much live heap a streaming operation holds: collects garbage and reads the used
 * heap (MemoryMXBean) at the start and every few megabytes that pass through a watched stream.
 * Collecting first keeps garbage that is merely not yet collected out of the figure.
 */
final class HeapProbe {
  private static final long SAMPLE_EVERY = 32L * 1_048_576;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long baseline;
  private long peak;

  HeapProbe() {
    this.baseline = liveHeap();
    this.peak = baseline;
  }

  /** The largest live heap seen above the baseline, in bytes. */
  long growth() {
    return peak - baseline;
  }

  InputStream watch(InputStream stream) {
    return new FilterInputStream(stream) {
      private long sinceSample;

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        sinceSample += Math.max(read, 0);
        if (sinceSample >= SAMPLE_EVERY || read < 0) {
          sinceSample = 0;
          peak = Math.max(peak, liveHeap());
        }
        return read;
      }
    };
  }

  private long liveHeap() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
