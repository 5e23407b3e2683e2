package org.healthhub.processes.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskHandler;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;

/**
 * Where one store flow's wall time goes: each handler's wall and CPU time (the handler's own
 * thread), beside each activity's wall time in the engine's history (task created to completed:
 * the handler, the wait for a fetch and the complete call).
 */
final class StepProfile {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, LongAdder[]> handlerTimes = new ConcurrentHashMap<>();

  /** {@code subscriptions} with every handler timed into this profile. */
  Subscriptions timing(Subscriptions subscriptions) {
    Subscriptions.Builder timed = Subscriptions.builder();
    subscriptions.handlers().forEach((topic, handler) -> timed.subscribe(topic, timed(topic, handler)));
    return timed.build();
  }

  private TaskHandler timed(String topic, TaskHandler handler) {
    LongAdder[] sums = handlerTimes.computeIfAbsent(topic, t -> new LongAdder[] {new LongAdder(), new LongAdder(),
        new LongAdder()});
    return task -> {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      try {
        return handler.handle(task);
      } finally {
        sums[0].increment();
        sums[1].add(System.nanoTime() - wall);
        sums[2].add(THREADS.getCurrentThreadCpuTime() - cpu);
      }
    };
  }

  /** CPU time all timed handlers spent so far. */
  long handlerCpuNanos() {
    return handlerTimes.values().stream().mapToLong(sums -> sums[2].sum()).sum();
  }

  /** Prints mean milliseconds per step over the instances of {@code processKey} started since {@code since}. */
  void print(HistoryService history, String processKey, Date since) {
    Map<String, long[]> activities = new TreeMap<>();
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().startedAfter(since).finished().list()) {
      if (activity.getDurationInMillis() == null || !activity.getProcessDefinitionKey().equals(processKey)) {
        continue;
      }
      long[] sum = activities.computeIfAbsent(activity.getActivityId(), a -> new long[2]);
      sum[0]++;
      sum[1] += activity.getDurationInMillis();
    }
    System.out.printf("%-34s %6s %12s%n", "activity (engine history)", "count", "mean wall ms");
    activities.forEach((id, sum) -> System.out.printf("%-34s %6d %12.1f%n", id, sum[0], (double) sum[1] / sum[0]));
    System.out.printf("%-20s %6s %12s %12s%n", "handler", "count", "mean wall ms", "mean CPU ms");
    new TreeMap<>(handlerTimes).forEach((topic, sums) -> {
      long count = Math.max(1, sums[0].sum());
      System.out.printf("%-20s %6d %12.1f %12.1f%n", topic, sums[0].sum(), sums[1].sum() / 1e6 / count,
          sums[2].sum() / 1e6 / count);
    });
  }
}
