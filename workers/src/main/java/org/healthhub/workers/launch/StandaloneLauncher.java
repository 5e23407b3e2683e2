package org.healthhub.workers.launch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the same handlers in a separate JVM against the engine's {@code /engine-rest}. The client
 * calls handlers on its single polling thread, so each task is handed to a pool of
 * {@code threads}; it never holds more tasks than the pool has free threads (plus the rest of one
 * fetched batch), so no locked task waits in a queue while its lock runs out.
 */
public final class StandaloneLauncher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneLauncher.class);
  private final ExternalTaskClient client;
  private final ExecutorService handlers;

  private StandaloneLauncher(ExternalTaskClient client, ExecutorService handlers) {
    this.client = client;
    this.handlers = handlers;
  }

  /**
   * Connects to {@code properties.engineRestUrl()} as {@code credentials} (HTTP Basic) and subscribes
   * every topic of {@code subscriptions}.
   */
  public static StandaloneLauncher start(Subscriptions subscriptions, TaskRunner runner, WorkerProperties properties,
      EngineCredentials credentials) {
    ExecutorService handlers = Executors.newFixedThreadPool(properties.threads());
    ExternalTaskClient client = ExternalTaskClient.create()
        .baseUrl(properties.engineRestUrl())
        .workerId(properties.workerId())
        .maxTasks(properties.threads())
        .lockDuration(properties.lockDuration().toMillis())
        .asyncResponseTimeout(properties.longPoll().toMillis())
        // The long poll already waits on the server; the client's exponential backoff (up to 60 s) would only delay the next join turn.
        .disableBackoffStrategy()
        .addInterceptor(new BasicAuthProvider(credentials.user(), credentials.password()))
        .build();
    Semaphore freeThreads = new Semaphore(properties.threads());
    subscriptions.handlers().forEach((topic, handler) -> client.subscribe(topic)
        .handler((task, service) -> {
          // Blocking the client's polling thread until a handler thread is free keeps it from locking
          // tasks that would wait in a queue until their lock expires and another worker runs them too.
          try {
            freeThreads.acquire();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          handlers.execute(() -> {
            try {
              runner.run(handler, inputOf(task), new ClientTaskCompletion(task, service));
            } catch (RuntimeException e) {
              // Reporting the outcome failed (the lock expired and another worker took the task, or the
              // engine is gone): the engine hands the task out again; the handlers' results make that safe.
              LOG.warn("reporting an external task outcome failed: {}", e.getMessage());
            } finally {
              freeThreads.release();
            }
          });
        })
        .open());
    LOG.info("standalone workers polling {} for {}", properties.engineRestUrl(), subscriptions.handlers().keySet());
    return new StandaloneLauncher(client, handlers);
  }

  private static TaskInput inputOf(ExternalTask task) {
    return new TaskInput(task.getTopicName(), task.getBusinessKey(), task.getProcessInstanceId(),
        task.getActivityId(), task.getAllVariables(), task.getRetries());
  }

  /** Stops polling (waits out the current long poll) and lets running handlers finish. */
  @Override
  public void close() throws InterruptedException {
    client.stop();
    handlers.shutdown();
    handlers.awaitTermination(1, TimeUnit.MINUTES);
  }
}
