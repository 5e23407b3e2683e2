package org.healthhub.crypto.record;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.healthhub.crypto.record.envelope.StreamingAead;

/**
 * Prints the record-protection benchmark: streaming encrypt/decrypt throughput and heap growth for
 * 1 MB, 100 MB and 1 GB, and the Merkle tree and proof timings. Arguments: sizes in MB (default
 * 1 100 1024).
 */
public final class RecordBench {
  private static final long MB = 1_000_000L;
  private static final int COPY_BUFFER = 1 << 20;

  private RecordBench() {}

  public static void main(String[] args) throws Exception {
    long[] sizes = args.length == 0 ? new long[] {1, 100, 1000} : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
    StreamingAead aead = StreamingAead.create(SecretBytes.random(32));
    byte[] aad = "bench".getBytes();
    warmUp(aead, aad);
    System.out.printf("%-8s %-8s %10s %16s %14s%n", "size", "op", "MB/s", "heap growth MB", "allocated MB");
    for (long sizeMb : sizes) {
      benchSize(aead, aad, sizeMb * MB);
    }
    MerkleBench.print();
  }

  private static void benchSize(StreamingAead aead, byte[] aad, long bytes) throws Exception {
    HeapProbe probe = HeapProbe.start();
    long start = System.nanoTime();
    BenchStreams.CountingSink sink = new BenchStreams.CountingSink();
    try (OutputStream out = aead.newEncryptingStream(sink, aad)) {
      copy(BenchStreams.generated(bytes), out);
    }
    print(bytes, "encrypt", System.nanoTime() - start, probe);

    Path sealed = Files.createTempFile("healthhub-bench", ".sealed");
    try {
      try (OutputStream out = aead.newEncryptingStream(new BufferedOutputStream(Files.newOutputStream(sealed), COPY_BUFFER), aad)) {
        copy(BenchStreams.generated(bytes), out);
      }
      probe = HeapProbe.start();
      start = System.nanoTime();
      try (InputStream in = aead.newDecryptingStream(new BufferedInputStream(Files.newInputStream(sealed), COPY_BUFFER), aad)) {
        long read = copy(in, new BenchStreams.CountingSink());
        if (read != bytes) {
          throw new IllegalStateException("decrypted " + read + " of " + bytes + " bytes");
        }
      }
      print(bytes, "decrypt", System.nanoTime() - start, probe);
    } finally {
      Files.delete(sealed);
    }
  }

  /**
   * The JDK's AES-GCM runs in slow Java code until C2 compiles it with its AVX intrinsics, after a
   * few hundred MB: the table prints steady-state speed, as a long-running service sees it.
   */
  private static void warmUp(StreamingAead aead, byte[] aad) throws Exception {
    java.io.ByteArrayOutputStream sealed = new java.io.ByteArrayOutputStream();
    try (OutputStream out = aead.newEncryptingStream(sealed, aad)) {
      copy(BenchStreams.generated(64 * MB), out);
    }
    byte[] ciphertext = sealed.toByteArray();
    for (int i = 0; i < 8; i++) {
      try (OutputStream out = aead.newEncryptingStream(new BenchStreams.CountingSink(), aad)) {
        copy(BenchStreams.generated(64 * MB), out);
      }
      try (InputStream in = aead.newDecryptingStream(new java.io.ByteArrayInputStream(ciphertext), aad)) {
        copy(in, new BenchStreams.CountingSink());
      }
    }
  }

  private static long copy(InputStream in, OutputStream out) throws Exception {
    byte[] buffer = new byte[COPY_BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; total += n) {
      out.write(buffer, 0, n);
    }
    return total;
  }

  private static void print(long bytes, String op, long nanos, HeapProbe probe) throws InterruptedException {
    double allocated = probe.allocatedMb();
    System.out.printf(
        "%-8s %-8s %10.0f %16.1f %14.1f%n", label(bytes), op, bytes / (double) MB / (nanos / 1e9), probe.growthMb(), allocated);
  }

  private static String label(long bytes) {
    return bytes >= 1000 * MB ? bytes / (1000 * MB) + " GB" : bytes / MB + " MB";
  }

  /**
   * Heap growth over a run, sampled every millisecond against the level after a full GC, plus the
   * bytes this thread allocated (garbage included): the two together show constant memory.
   */
  private static final class HeapProbe implements AutoCloseable {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long baseline;
    private final long allocatedBefore;
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapProbe() {
      System.gc();
      baseline = used();
      allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
      sampler = new Thread(this::sample, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    static HeapProbe start() {
      return new HeapProbe();
    }

    private void sample() {
      while (running) {
        peak.accumulateAndGet(used(), Math::max);
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
    }

    double growthMb() throws InterruptedException {
      close();
      return Math.max(0, peak.get() - baseline) / (double) (1 << 20);
    }

    double allocatedMb() {
      return (THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore) / (double) (1 << 20);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      sampler.join();
      peak.accumulateAndGet(used(), Math::max);
    }

    private static long used() {
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }
  }
}
