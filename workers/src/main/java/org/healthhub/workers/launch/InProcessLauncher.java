package org.healthhub.workers.launch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the handlers inside the engine app: one thread fetches and locks, a pool of
 * {@code threads} runs the handlers; it never locks more tasks than it has free threads. It fetches
 * again as soon as a thread is free or a task finished (its flow's next task is then due), and
 * waits {@code idleWait} only when a fetch found nothing and nothing finished since.
 */
public final class InProcessLauncher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessLauncher.class);

  private final ExternalTaskPoller poller;
  private final WorkerProperties properties;
  private final Semaphore freeThreads;
  private final Semaphore tasksFinished = new Semaphore(0);
  private volatile boolean running;
  private ExecutorService handlers;
  private Thread fetcher;

  public InProcessLauncher(ExternalTaskPoller poller, WorkerProperties properties) {
    this.poller = poller;
    this.properties = properties;
    this.freeThreads = new Semaphore(properties.threads());
  }

  @Override
  public synchronized void start() {
    handlers = Executors.newFixedThreadPool(properties.threads());
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
        tasksFinished.drainPermits();
        int fetched = poller.pollOnce(free, this::runThenFreeThread);
        freeThreads.release(free - fetched);
        if (fetched == 0) {
          // A finished task usually makes its flow's next task: look again then, or after the idle wait.
          tasksFinished.tryAcquire(properties.idleWait().toMillis(), TimeUnit.MILLISECONDS);
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
        tasksFinished.release();
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
