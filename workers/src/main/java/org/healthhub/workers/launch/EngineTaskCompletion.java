package org.healthhub.workers.launch;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.healthhub.workers.TaskCompletion;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Reports outcomes straight to the engine, inside the engine app. With a {@code chain} (the
 * in-process launcher's), a completion also locks the flow's next task in its own transaction
 * ({@link CompleteAndLockNext}); {@link #lockedNext} then hands it to the caller to run.
 */
final class EngineTaskCompletion implements TaskCompletion {

  /** How a completion may lock the next task: through the engine's command executor, for these topics. */
  record Chain(CommandExecutor commands, Set<String> topics, long lockMillis) {}

  private final ExternalTaskService service;
  private final String taskId;
  private final String workerId;
  private final Optional<Chain> chain;
  private Optional<LockedExternalTask> lockedNext = Optional.empty();

  EngineTaskCompletion(ExternalTaskService service, String taskId, String workerId, Optional<Chain> chain) {
    this.service = service;
    this.taskId = taskId;
    this.workerId = workerId;
    this.chain = chain;
  }

  @Override
  public void complete(Map<String, Object> variables) {
    if (chain.isEmpty()) {
      service.complete(taskId, workerId, variables);
      return;
    }
    Chain next = chain.get();
    lockedNext = next.commands().execute(new CompleteAndLockNext(taskId, workerId, variables, next.topics(),
        next.lockMillis()));
  }

  @Override
  public void bpmnError(String code, String message) {
    service.handleBpmnError(taskId, workerId, code, message);
  }

  @Override
  public void failure(String message, String details, int retriesLeft, long retryTimeoutMillis) {
    service.handleFailure(taskId, workerId, message, details, retriesLeft, retryTimeoutMillis);
  }

  /** The task the completion locked for this worker, if any: the caller must run it or unlock it. */
  Optional<LockedExternalTask> lockedNext() {
    return lockedNext;
  }
}
