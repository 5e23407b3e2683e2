package org.healthhub.workers.launch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskRunner;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.ServiceImpl;

/** One fetch-and-lock round against the engine's own ExternalTaskService, for every subscribed topic. */
public final class ExternalTaskPoller {

  private final ExternalTaskService service;
  private final Subscriptions subscriptions;
  private final TaskRunner runner;
  private final String workerId;
  private final Duration lockDuration;

  public ExternalTaskPoller(ExternalTaskService service, Subscriptions subscriptions, TaskRunner runner,
      String workerId, Duration lockDuration) {
    this.service = service;
    this.subscriptions = subscriptions;
    this.runner = runner;
    this.workerId = workerId;
    this.lockDuration = lockDuration;
  }

  /**
   * Locks up to {@code maxTasks} tasks and hands each to {@code executor}, which runs it alone.
   *
   * @return how many tasks were locked
   */
  public int pollOnce(int maxTasks, Executor executor) {
    return poll(maxTasks, executor, Optional.empty(), () -> false);
  }

  /**
   * Locks up to {@code maxTasks} tasks and hands each to {@code executor}, which runs it, then,
   * while {@code keepGoing} holds, the task of a subscribed topic that its completion locked in
   * the same transaction, and so on: a flow's steps follow one another on one thread without a
   * fetch between them. A locked next task that is not run (the launcher stops) is unlocked, so
   * another worker or the next start takes it at once rather than after the lock duration.
   *
   * @return how many tasks were fetched (chained tasks are not counted)
   */
  public int pollAndChain(int maxTasks, Executor executor, BooleanSupplier keepGoing) {
    return poll(maxTasks, executor, chain(), keepGoing);
  }

  private int poll(int maxTasks, Executor executor, Optional<EngineTaskCompletion.Chain> chain,
      BooleanSupplier keepGoing) {
    if (maxTasks <= 0 || subscriptions.handlers().isEmpty()) {
      return 0;
    }
    ExternalTaskQueryBuilder query = service.fetchAndLock(maxTasks, workerId, true);
    subscriptions.handlers().keySet().forEach(topic -> query.topic(topic, lockDuration.toMillis()));
    List<LockedExternalTask> locked = query.execute();
    for (LockedExternalTask task : locked) {
      executor.execute(() -> runFrom(task, chain, keepGoing));
    }
    return locked.size();
  }

  private void runFrom(LockedExternalTask first, Optional<EngineTaskCompletion.Chain> chain, BooleanSupplier keepGoing) {
    Optional<LockedExternalTask> next = Optional.of(first);
    while (next.isPresent()) {
      LockedExternalTask task = next.get();
      EngineTaskCompletion completion = new EngineTaskCompletion(service, task.getId(), workerId, chain);
      runner.run(subscriptions.handlers().get(task.getTopicName()), inputOf(task), completion);
      next = completion.lockedNext();
      if (next.isPresent() && !keepGoing.getAsBoolean()) {
        service.unlock(next.get().getId());
        return;
      }
    }
  }

  /** Chaining needs the engine's command executor: there when the service is the engine's own, not a proxy of it. */
  private Optional<EngineTaskCompletion.Chain> chain() {
    if (service instanceof ServiceImpl engineService) {
      return Optional.of(new EngineTaskCompletion.Chain(engineService.getCommandExecutor(),
          subscriptions.handlers().keySet(), lockDuration.toMillis()));
    }
    return Optional.empty();
  }

  private static TaskInput inputOf(LockedExternalTask task) {
    return new TaskInput(task.getTopicName(), task.getBusinessKey(), task.getProcessInstanceId(),
        task.getActivityId(), task.getVariables(), task.getRetries());
  }
}
