package org.healthhub.processes.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.healthhub.processes.AppScenario;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.Topics;
import org.healthhub.workers.launch.InProcessLauncher;
import org.healthhub.workers.launch.WorkerProperties;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;

/**
 * {@code ./healthhub bench flows [SECONDS] [IDLE_WAIT_MS]}: store-record flows end to end on the
 * embedded default's parts (H2 file, real CPY06 signing and verifying, envelopes, the embedded
 * blob store, DataHub on anvil with one anchor transaction per record) with the in-process
 * launcher at 1, 2, 4 and 8 handler threads; then the same BPMN with handlers that do nothing
 * (the start listener still seals the intake, as deployed): the engine's ceiling here. Each
 * configuration runs SECONDS (default 20) with twice as many flows in flight as threads. Prints
 * flows/s, p50/p99 latency (the engine's start and end times) and the load average, and writes a
 * PNG chart to {@code processes/target/bench/flow-bench.png}.
 */
public final class FlowBench {

  private static final int[] THREADS = {1, 2, 4, 8};
  private static final List<String> STORE_TOPICS = List.of(Topics.RECORD_VALIDATE, Topics.RECORD_MERKLE,
      Topics.RECORD_SIGN, Topics.RECORD_VERIFY, Topics.RECORD_ENCRYPT, Topics.STORAGE_PUT, Topics.CHAIN_ANCHOR);

  /** One configuration's outcome, with its CPU milliseconds per stored flow. */
  record Run(String handlers, int threads, int flows, double perSecond, long p50Millis, long p99Millis, int failed,
      String load, CpuPerFlow cpu) {}

  /**
   * CPU milliseconds per stored flow: the whole JVM; the handlers themselves; the engine's part on
   * the handler threads (complete, bpmnError, failure: the next step's transaction), on the fetch
   * thread (fetch and lock) and on the bench's two starting threads (seal listener included); the
   * bench's polling for ended flows; the JVM's own threads (GC, JIT); anvil's process.
   */
  record CpuPerFlow(double jvm, double handlers, double complete, double fetch, double start, double poll,
      double gcJit, double anvil) {

    double engine() {
      return complete + fetch + start;
    }
  }

  private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
  private static final int STARTERS = 2;

  private final RecordFlowFixture fixture;
  private final Duration runTime;
  private final Duration idleWait;

  private FlowBench(RecordFlowFixture fixture, Duration runTime, Duration idleWait) {
    this.fixture = fixture;
    this.runTime = runTime;
    this.idleWait = idleWait;
  }

  public static void main(String[] args) throws Exception {
    Duration runTime = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
    // The embedded default's healthhub.workers.idle-wait (application.properties) unless given.
    Duration idleWait = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 500);
    RecordFlowFixture fixture = new RecordFlowFixture("flow-bench", true);
    try {
      fixture.enrol("doctor");
      fixture.engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/store-record.bpmn")
          .addClasspathResource("forms/store-record-start.form").addClasspathResource("forms/store-record-fix.form").deploy();
      new FlowBench(fixture, runTime, idleWait).runAll();
    } finally {
      fixture.close();
    }
  }

  private void runAll() throws Exception {
    Subscriptions real = fixture.allHandlers(fixture.dataHub).build();
    Subscriptions.Builder nothing = Subscriptions.builder();
    STORE_TOPICS.forEach(topic -> nothing.subscribe(topic, task -> TaskOutcome.complete(Map.of())));
    Subscriptions noop = nothing.build();
    System.out.printf("store-record flows, %d s per configuration, idle wait %d ms, %d cores%n",
        runTime.toSeconds(), idleWait.toMillis(), Runtime.getRuntime().availableProcessors());
    run("warm-up", real, 4, 8, Duration.ofSeconds(Math.min(10, runTime.toSeconds())), new StepProfile());
    profile(real);
    List<Run> runs = new ArrayList<>();
    System.out.printf("%-10s %7s %6s %8s %8s %8s %6s | %-66s | %s%n", "handlers", "threads", "flows", "flows/s",
        "p50 ms", "p99 ms", "failed", "CPU ms/flow: jvm handlers engine (complete fetch start) poll gc+jit anvil",
        "load avg (1/5/15 min) at end");
    for (int threads : THREADS) {
      for (Run run : List.of(run("real", real, threads, 2 * threads, runTime, new StepProfile()),
          run("nothing", noop, threads, 2 * threads, runTime, new StepProfile()))) {
        runs.add(run);
        System.out.printf("%-10s %7d %6d %8.1f %8d %8d %6d | %s | %s%n", run.handlers(), run.threads(), run.flows(),
            run.perSecond(), run.p50Millis(), run.p99Millis(), run.failed(), cpuColumns(run.cpu()), run.load());
      }
    }
    Path chart = Path.of(FlowBench.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent().resolve("bench/flow-bench.png");
    Files.createDirectories(chart.getParent());
    FlowChart.write(runs, chart);
    System.out.println("chart: " + chart);
  }

  /** One flow at a time on one thread: each step's wall time without queueing, and each handler's CPU time. */
  private void profile(Subscriptions real) throws Exception {
    StepProfile profile = new StepProfile();
    java.util.Date since = new java.util.Date();
    Run run = run("profile", real, 1, 1, Duration.ofSeconds(Math.min(10, runTime.toSeconds())), profile);
    System.out.printf("one flow at a time: %d flows, %.1f flows/s, p50 %d ms, load %s%n  CPU ms/flow: jvm handlers"
        + " engine (complete fetch start) poll gc+jit anvil: %s%n", run.flows(), run.perSecond(), run.p50Millis(),
        run.load(), cpuColumns(run.cpu()));
    profile.print(fixture.engine.getHistoryService(), "store-record", since);
  }

  /** Keeps {@code inFlightMax} flows in flight for {@code duration}, then lets the last ones end. */
  private Run run(String handlers, Subscriptions subscriptions, int threads, int inFlightMax, Duration duration,
      StepProfile steps) throws Exception {
    RuntimeService runtime = fixture.engine.getRuntimeService();
    HistoryService history = fixture.engine.getHistoryService();
    InProcessLauncher launcher = new InProcessLauncher(
        fixture.poller(steps.timing(subscriptions), List.of(Duration.ofSeconds(1))),
        new WorkerProperties(true, threads, Duration.ofMinutes(1), idleWait, List.of(Duration.ofSeconds(1)),
            "unused", Duration.ofSeconds(1), "flow-bench", List.of()));
    fixture.wakeUp.onTaskCommitted(launcher::wake);
    launcher.start();
    Set<String> inFlight = ConcurrentHashMap.newKeySet();
    Set<String> ended = new HashSet<>();
    Semaphore slots = new Semaphore(inFlightMax);
    AtomicInteger startedFlows = new AtomicInteger();
    LongAdder startCpu = new LongAdder();
    List<Long> latencies = new ArrayList<>();
    int failed = 0;
    CpuUse cpuBefore = CpuUse.now();
    CpuUse cpuAfter;
    long began = System.nanoTime();
    long stopStarting = began + duration.toNanos();
    ExecutorService starters = Executors.newFixedThreadPool(STARTERS, work -> new Thread(work, "flow-bench-start"));
    try {
      List<Future<?>> starting = new ArrayList<>();
      for (int i = 0; i < STARTERS; i++) {
        starting.add(starters.submit(() -> keepStarting(runtime, slots, inFlight, startedFlows, startCpu, stopStarting)));
      }
      starters.shutdown();
      while (!starters.isTerminated() || !inFlight.isEmpty()) {
        awaitEnds(ended);
        Set<String> done = new HashSet<>(ended);
        done.retainAll(inFlight);
        if (done.isEmpty()) {
          continue;
        }
        for (HistoricProcessInstance flow : history.createHistoricProcessInstanceQuery().processInstanceIds(done)
            .list()) {
          inFlight.remove(flow.getId());
          ended.remove(flow.getId());
          slots.release();
          if ("EndEvent_RecordStored".equals(flow.getEndActivityId())) {
            latencies.add(flow.getEndTime().getTime() - flow.getStartTime().getTime());
          } else {
            failed++;
          }
        }
      }
      for (Future<?> starter : starting) {
        starter.get();
      }
      cpuAfter = CpuUse.now();
    } finally {
      starters.shutdownNow();
      launcher.stop();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double perFlow = 1e6 * Math.max(1, latencies.size());
    long handlerCpu = steps.handlerCpuNanos();
    CpuPerFlow cpu = new CpuPerFlow(cpuAfter.jvmNanosSince(cpuBefore) / perFlow, handlerCpu / perFlow,
        (cpuAfter.threadNanosSince(cpuBefore, "healthhub-handler-") - handlerCpu) / perFlow,
        cpuAfter.threadNanosSince(cpuBefore, "healthhub-worker-fetch") / perFlow, startCpu.sum() / perFlow,
        cpuAfter.threadNanosSince(cpuBefore, Thread.currentThread().getName()) / perFlow,
        (cpuAfter.jvmNanosSince(cpuBefore) - cpuAfter.threadNanosSince(cpuBefore, "")) / perFlow,
        cpuAfter.childrenNanosSince(cpuBefore) / perFlow);
    latencies.sort(null);
    return new Run(handlers, threads, latencies.size(), latencies.size() / seconds, percentile(latencies, 50),
        percentile(latencies, 99), failed, loadAverage(), cpu);
  }

  /**
   * Starts flows while a slot is free until {@code stopStarting}: two threads, so starting (the
   * seal listener's CPU) does not bound the flows in flight when the handlers are quick.
   */
  private Void keepStarting(RuntimeService runtime, Semaphore slots, Set<String> inFlight, AtomicInteger startedFlows,
      LongAdder startCpu, long stopStarting) throws InterruptedException {
    while (System.nanoTime() < stopStarting) {
      if (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        continue;
      }
      long cpu = THREAD_CPU.getCurrentThreadCpuTime();
      inFlight.add(start(runtime, fixture.engine.getIdentityService(), startedFlows.getAndIncrement()));
      startCpu.add(THREAD_CPU.getCurrentThreadCpuTime() - cpu);
    }
    return null;
  }

  /**
   * Adds to {@code ended} the flows that reached an end event, waiting up to 20 ms for the first;
   * an error end event ends a flow too, and an incident ends none, so a flow stuck there keeps the
   * run going. A flow may end before its starter noted it in flight: it stays here until then.
   */
  private void awaitEnds(Set<String> ended) throws InterruptedException {
    String first = fixture.flowEnds.ended().poll(20, TimeUnit.MILLISECONDS);
    for (String instance = first; instance != null; instance = fixture.flowEnds.ended().poll()) {
      ended.add(instance);
    }
  }

  private static String cpuColumns(CpuPerFlow cpu) {
    return String.format("%16.1f %8.1f %6.1f (%8.1f %5.1f %5.1f) %4.1f %6.1f %5.1f", cpu.jvm(), cpu.handlers(),
        cpu.engine(), cpu.complete(), cpu.fetch(), cpu.start(), cpu.poll(), cpu.gcJit(), cpu.anvil());
  }

  private static String loadAverage() throws java.io.IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String start(RuntimeService runtime, IdentityService identity, int i) {
    Map<String, Object> form = AppScenario.recordForm("patient", "Bench Patient", "bench diagnosis " + i);
    identity.setAuthenticatedUserId("doctor");
    try {
      return runtime.startProcessInstanceByKey("store-record", form).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }
}
