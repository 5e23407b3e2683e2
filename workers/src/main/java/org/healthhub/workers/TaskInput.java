package org.healthhub.workers;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What a handler sees of a locked external task: its variables and where it sits in the flow.
 *
 * @param retries the retries left, {@code null} on the first delivery
 */
public record TaskInput(
    String topic,
    String businessKey,
    String processInstanceId,
    String activityId,
    Map<String, Object> variables,
    Integer retries) {

  public TaskInput {
    // Unset variables arrive as null values, which Map.copyOf refuses.
    variables = Collections.unmodifiableMap(new HashMap<>(variables));
  }

  /** Returns a string variable that the flow must have set. */
  public String requireString(String name) {
    Object value = variables.get(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalStateException("task " + activityId + " needs the string variable '" + name + "', found " + value);
    }
    return text;
  }

  /** Returns an integer variable, or {@code fallback} when the flow has not set it yet. */
  public int intOr(String name, int fallback) {
    Object value = variables.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("variable '" + name + "' of task " + activityId + " is not a number: " + value);
    }
    return number.intValue();
  }

  /** The key under which this task's result is recorded: one per process instance, activity and {@code step}. */
  public String resultKey(String step) {
    return processInstanceId + "/" + activityId + "/" + step;
  }
}
