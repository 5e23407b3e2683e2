package org.healthhub.crypto.record.fhir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints the CPU time of one {@link FhirRecords#validate} of the test bundle, warmed up, on 1 and
 * on 8 threads. Argument: validations per thread (default 200).
 */
public final class FhirValidationBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FhirValidationBench() {}

  public static void main(String[] args) throws Exception {
    int perThread = args.length == 0 ? 200 : Integer.parseInt(args[0]);
    String bundle = FhirRecordsTest.validBundle();
    runOn(1, perThread, bundle);
    System.out.printf("%-8s %14s %16s %14s%n", "threads", "validations", "CPU ms / valid.", "wall valid./s");
    for (int threads : new int[] {1, 8}) {
      Row row = runOn(threads, perThread, bundle);
      System.out.printf("%-8d %14d %16.2f %14.1f%n", threads, row.count, row.cpuMsEach(), row.perSecond());
    }
  }

  private record Row(int count, long cpuNanos, long wallNanos) {
    double cpuMsEach() {
      return cpuNanos / 1e6 / count;
    }

    double perSecond() {
      return count / (wallNanos / 1e9);
    }
  }

  private static Row runOn(int threads, int perThread, String bundle) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Long>> cpu = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        cpu.add(pool.submit(() -> {
          long before = THREADS.getCurrentThreadCpuTime();
          for (int i = 0; i < perThread; i++) {
            FhirRecords.validate(bundle);
          }
          return THREADS.getCurrentThreadCpuTime() - before;
        }));
      }
      long cpuNanos = 0;
      for (Future<Long> f : cpu) {
        cpuNanos += f.get();
      }
      return new Row(threads * perThread, cpuNanos, System.nanoTime() - start);
    } finally {
      pool.shutdown();
    }
  }
}
