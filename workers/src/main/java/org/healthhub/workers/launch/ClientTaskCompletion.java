package org.healthhub.workers.launch;

import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.healthhub.workers.TaskCompletion;

/** Reports outcomes through the engine's REST API, from a standalone worker. */
record ClientTaskCompletion(ExternalTask task, ExternalTaskService service) implements TaskCompletion {

  @Override
  public void complete(Map<String, Object> variables) {
    service.complete(task, variables);
  }

  @Override
  public void bpmnError(String code, String message) {
    service.handleBpmnError(task, code, message);
  }

  @Override
  public void failure(String message, String details, int retriesLeft, long retryTimeoutMillis) {
    service.handleFailure(task, message, details, retriesLeft, retryTimeoutMillis);
  }
}
