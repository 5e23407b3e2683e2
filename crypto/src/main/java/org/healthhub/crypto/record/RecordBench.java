package org.healthhub.crypto.record;

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
  private static final int COPY_BUFFER = 64 << 10;
  private static final int RUNS = 3;

  private RecordBench() {}

  public static void main(String[] args) throws Exception {
    long[] sizes = args.length == 0 ? new long[] {1, 100, 1000} : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
    StreamingAead aead = StreamingAead.create(SecretBytes.random(32));
    byte[] aad = "bench".getBytes();
    warmUp(aead, aad);
    System.out.printf("%-8s %-8s %10s %16s %14s   (best of %d runs; heap and allocation: worst run)%n",
        "size", "op", "MB/s", "heap growth MB", "allocated MB", RUNS);
    for (long sizeMb : sizes) {
      benchSize(aead, aad, sizeMb * MB);
    }
    MerkleBench.print();
  }

  private static void benchSize(StreamingAead aead, byte[] aad, long bytes) throws Exception {
    print(bytes, "encrypt", bestOf(() -> {
      try (OutputStream out = aead.newEncryptingStream(new BenchStreams.CountingSink(), aad)) {
        copy(BenchStreams.generated(bytes), out);
      }
    }));
    Path sealed = Files.createTempFile("healthhub-bench", ".sealed");
    try {
      try (OutputStream out = aead.newEncryptingStream(Files.newOutputStream(sealed), aad)) {
        copy(BenchStreams.generated(bytes), out);
      }
      print(bytes, "decrypt", bestOf(() -> {
        try (InputStream in = aead.newDecryptingStream(Files.newInputStream(sealed), aad)) {
          long read = copy(in, new BenchStreams.CountingSink());
          if (read != bytes) {
            throw new IllegalStateException("decrypted " + read + " of " + bytes + " bytes");
          }
        }
      }));
    } finally {
      Files.delete(sealed);
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private record Result(long bestNanos, double maxHeapGrowthMb, double maxAllocatedMb) {}

  /** The CPU is shared, so each row is the fastest of {@value #RUNS} runs, and the largest heap. */
  private static Result bestOf(Step step) throws Exception {
    long best = Long.MAX_VALUE;
    double heap = 0;
    double allocated = 0;
    for (int i = 0; i < RUNS; i++) {
      HeapProbe probe = HeapProbe.start();
      long start = System.nanoTime();
      step.run();
      best = Math.min(best, System.nanoTime() - start);
      allocated = Math.max(allocated, probe.allocatedMb());
      heap = Math.max(heap, probe.growthMb());
    }
    return new Result(best, heap, allocated);
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

  private static void print(long bytes, String op, Result result) {
    System.out.printf("%-8s %-8s %10.0f %16.1f %14.1f%n", label(bytes), op,
        bytes / (double) MB / (result.bestNanos() / 1e9), result.maxHeapGrowthMb(), result.maxAllocatedMb());
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
