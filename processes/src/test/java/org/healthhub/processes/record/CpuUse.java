package org.healthhub.processes.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time (not wall time) of this JVM, split by thread, and of the processes it started (anvil),
 * read before and after a bench configuration, so a flow's cost shows without the other
 * engineers' load in it. Threads that end between the two readings are lost, so the second one
 * is taken before the launcher's threads stop.
 */
final class CpuUse {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long jvmNanos;
  private final long childrenNanos;
  private final Map<Long, Long> threadNanos;
  private final Map<Long, String> threadNames;

  private CpuUse(long jvmNanos, long childrenNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames) {
    this.jvmNanos = jvmNanos;
    this.childrenNanos = childrenNanos;
    this.threadNanos = threadNanos;
    this.threadNames = threadNames;
  }

  static CpuUse now() {
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null) {
        nanos.put(thread.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId())));
        names.put(thread.getThreadId(), thread.getThreadName());
      }
    }
    long children = ProcessHandle.current().descendants()
        .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    return new CpuUse(ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElseThrow(), children,
        nanos, names);
  }

  long jvmNanosSince(CpuUse start) {
    return jvmNanos - start.jvmNanos;
  }

  long childrenNanosSince(CpuUse start) {
    return childrenNanos - start.childrenNanos;
  }

  /** CPU spent since {@code start} by the live threads whose name starts with {@code prefix} ("" for all). */
  long threadNanosSince(CpuUse start, String prefix) {
    return threadNanos.entrySet().stream()
        .filter(thread -> threadNames.get(thread.getKey()).startsWith(prefix))
        .mapToLong(thread -> thread.getValue() - start.threadNanos.getOrDefault(thread.getKey(), 0L))
        .sum();
  }
}
