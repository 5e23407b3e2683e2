package org.healthhub.workers.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskRunner;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

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
   * Locks up to {@code maxTasks} tasks and hands each to {@code executor}.
   *
   * @return how many tasks were locked
   */
  public int pollOnce(int maxTasks, Executor executor) {
    if (maxTasks <= 0 || subscriptions.handlers().isEmpty()) {
      return 0;
    }
    ExternalTaskQueryBuilder query = service.fetchAndLock(maxTasks, workerId, true);
    subscriptions.handlers().keySet().forEach(topic -> query.topic(topic, lockDuration.toMillis()));
    List<LockedExternalTask> locked = query.execute();
    for (LockedExternalTask task : locked) {
      TaskHandler handler = subscriptions.handlers().get(task.getTopicName());
      executor.execute(() -> runner.run(handler, inputOf(task), new EngineTaskCompletion(service, task.getId(), workerId)));
    }
    return locked.size();
  }

  private static TaskInput inputOf(LockedExternalTask task) {
    return new TaskInput(task.getTopicName(), task.getBusinessKey(), task.getProcessInstanceId(),
        task.getActivityId(), task.getVariables(), task.getRetries());
  }
}
