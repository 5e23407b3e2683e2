package org.healthhub.workers.launch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the handlers inside the engine app: one thread fetches and locks, a pool of
 * {@code threads} runs the handlers; it never locks more tasks than it has free threads. It fetches
 * again as soon as a thread is free, a task finished (its flow's next task is then due) or
 * {@link #wake} was called (the engine made a task outside these threads, e.g. a flow started), and
 * waits {@code idleWait} only when a fetch found nothing and none of these happened since. A
 * thread that completes a task runs the flow's next task itself when the completion locked it
 * ({@link ExternalTaskPoller#pollAndChain}), so a flow's steps need no fetch between them.
 */
public final class InProcessLauncher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessLauncher.class);

  private final ExternalTaskPoller poller;
  private final WorkerProperties properties;
  private final Semaphore freeThreads;
  private final Semaphore tasksDue = new Semaphore(0);
  private volatile boolean running;
  private ExecutorService handlers;
  private Thread fetcher;

  public InProcessLauncher(ExternalTaskPoller poller, WorkerProperties properties) {
    this.poller = poller;
    this.properties = properties;
    this.freeThreads = new Semaphore(properties.threads());
  }

  /** A task may be due that no handler of this launcher made: fetch now rather than after the idle wait. */
  public void wake() {
    tasksDue.release();
  }

  @Override
  public synchronized void start() {
    AtomicInteger handlerThreads = new AtomicInteger();
    handlers = Executors.newFixedThreadPool(properties.threads(),
        work -> new Thread(work, "healthhub-handler-" + handlerThreads.incrementAndGet()));
    running = true;
    fetcher = new Thread(this::fetchLoop, "healthhub-worker-fetch");
    fetcher.setDaemon(true);
    fetcher.start();
    LOG.info("in-process workers started: {} threads, lock {}", properties.threads(), properties.lockDuration());
  }

  private void fetchLoop() {
    while (running) {
      try {
        int free = freeThreads.availablePermits();
        if (free == 0) {
          // Every thread is busy: fetch again as soon as one is free, not after an idle wait.
          freeThreads.acquire();
          freeThreads.release();
          continue;
        }
        freeThreads.acquire(free);
        // Finishes before this poll are seen by it; those after it wake the wait below.
        tasksDue.drainPermits();
        int fetched = poller.pollAndChain(free, this::runThenFreeThread, () -> running);
        freeThreads.release(free - fetched);
        if (fetched == 0) {
          // A finished task usually makes its flow's next task: look again then, on a wake, or after the idle wait.
          tasksDue.tryAcquire(properties.idleWait().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The engine's database may be briefly unavailable; the tasks stay unlocked for the next round.
        LOG.warn("fetching external tasks failed, trying again: {}", e.getMessage());
        freeThreads.release(properties.threads() - freeThreads.availablePermits());
        pause();
      }
    }
  }

  private void runThenFreeThread(Runnable task) {
    handlers.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // Reporting the outcome failed (e.g. the lock expired); the engine hands the task out again.
        LOG.warn("reporting an external task outcome failed: {}", e.getMessage());
      } finally {
        freeThreads.release();
        tasksDue.release();
      }
    });
  }

  private void pause() {
    try {
      Thread.sleep(properties.idleWait().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (fetcher != null) {
      fetcher.interrupt();
    }
    if (handlers != null) {
      handlers.shutdown();
      try {
        handlers.awaitTermination(properties.lockDuration().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // After the engine (started in the default phase), stopped before it.
    return Integer.MAX_VALUE - 100;
  }
}
