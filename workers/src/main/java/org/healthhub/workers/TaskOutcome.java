package org.healthhub.workers;

import java.util.Map;

/** The three ways a handler ends: variables to set, a business outcome, or a technical failure. */
public sealed interface TaskOutcome {

  /** The task is done; {@code variables} must all be public (see {@link PublicVariables}). */
  record Completed(Map<String, Object> variables) implements TaskOutcome {
    public Completed {
      variables = Map.copyOf(variables);
    }
  }

  /** A business outcome the flow models with an error boundary event, e.g. an invalid signature. */
  record BusinessError(String code, String message) implements TaskOutcome {}

  /** A transient fault (node down, disk full): retried with backoff, then an incident. */
  record TechnicalFailure(String message, String details) implements TaskOutcome {}

  static TaskOutcome complete(Map<String, Object> variables) {
    return new Completed(variables);
  }

  static TaskOutcome bpmnError(String code, String message) {
    return new BusinessError(code, message);
  }

  static TaskOutcome failure(String message, String details) {
    return new TechnicalFailure(message, details);
  }
}
