package org.healthhub.workers;

/**
 * Does the work of one external-task topic. The same handler runs in both launchers.
 *
 * <p>Tasks are delivered at least once: a handler must survive a second delivery of the same
 * task without repeating its side effects (see {@link HandlerResults}).
 */
@FunctionalInterface
public interface TaskHandler {

  /**
   * Handles one locked task.
   *
   * @return the variables to set, a BPMN error (a business outcome the flow models), or a
   *     technical failure (retried with backoff, then an incident)
   * @throws Exception any exception is treated as a technical failure with its message
   */
  TaskOutcome handle(TaskInput task) throws Exception;
}
