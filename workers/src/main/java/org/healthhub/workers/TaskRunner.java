package org.healthhub.workers;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler on one task and reports its outcome, the same way in both launchers: guards the
 * variables, turns exceptions into technical failures and counts down retries.
 */
public final class TaskRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final RetryPolicy retryPolicy;

  public TaskRunner(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
  }

  public void run(TaskHandler handler, TaskInput task, TaskCompletion completion) {
    TaskOutcome outcome;
    try {
      outcome = handler.handle(task);
      if (outcome instanceof TaskOutcome.Completed completed) {
        PublicVariables.check(completed.variables());
      }
    } catch (Exception e) {
      outcome = TaskOutcome.failure(task.topic() + " failed: " + e.getMessage(), stackTrace(e));
    }
    report(task, outcome, completion);
  }

  private void report(TaskInput task, TaskOutcome outcome, TaskCompletion completion) {
    // Java 17: no pattern switch, so the sealed outcome is matched by hand.
    if (outcome instanceof TaskOutcome.Completed completed) {
      completion.complete(completed.variables());
    } else if (outcome instanceof TaskOutcome.BusinessError error) {
      completion.bpmnError(error.code(), error.message());
    } else {
      TaskOutcome.TechnicalFailure failure = (TaskOutcome.TechnicalFailure) outcome;
      RetryPolicy.Retry retry = retryPolicy.afterFailure(task.retries());
      LOG.warn("{} in process instance {}: {} ({} retries left)", task.activityId(), task.processInstanceId(),
          failure.message(), retry.retriesLeft());
      completion.failure(failure.message(), failure.details(), retry.retriesLeft(), retry.backoff().toMillis());
    }
  }

  private static String stackTrace(Exception e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
