package org.healthhub.workers.launch;

import java.util.Map;
import org.healthhub.workers.TaskCompletion;
import org.operaton.bpm.engine.ExternalTaskService;

/** Reports outcomes straight to the engine, inside the engine app. */
record EngineTaskCompletion(ExternalTaskService service, String taskId, String workerId) implements TaskCompletion {

  @Override
  public void complete(Map<String, Object> variables) {
    service.complete(taskId, workerId, variables);
  }

  @Override
  public void bpmnError(String code, String message) {
    service.handleBpmnError(taskId, workerId, code, message);
  }

  @Override
  public void failure(String message, String details, int retriesLeft, long retryTimeoutMillis) {
    service.handleFailure(taskId, workerId, message, details, retriesLeft, retryTimeoutMillis);
  }
}
