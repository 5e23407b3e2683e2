package org.healthhub.workers;

import java.util.Map;

/** How a launcher reports an outcome to the engine: the engine's service in-process, REST standalone. */
public interface TaskCompletion {

  void complete(Map<String, Object> variables);

  void bpmnError(String code, String message);

  /** Reports a failure; {@code retriesLeft == 0} raises an incident showing {@code message}. */
  void failure(String message, String details, int retriesLeft, long retryTimeoutMillis);
}
