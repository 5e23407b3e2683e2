package org.healthhub.workers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a handler on one task and reports its outcome, the same way in both launchers: guards the
 * variables, turns exceptions into technical failures and counts down retries.
 *
 * <p>It is the one place every handler invocation passes through, so it also times each run
 * ({@value #HANDLER_TIMER}, tagged by topic and outcome), counts technical failures
 * ({@value #HANDLER_FAILURES}) and puts the task's business key, process instance and topic in
 * the logging MDC for every line logged while the handler runs and its outcome is reported.
 */
public final class TaskRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  public static final String HANDLER_TIMER = "healthhub.handler";
  public static final String HANDLER_FAILURES = "healthhub.handler.failures";
  /** MDC keys set around each handler run. */
  public static final String MDC_BUSINESS_KEY = "businessKey";
  public static final String MDC_PROCESS_INSTANCE = "processInstanceId";
  public static final String MDC_TOPIC = "topic";

  private final RetryPolicy retryPolicy;
  private final MeterRegistry meters;

  /** A runner whose meters are kept in memory only (tests, tools). */
  public TaskRunner(RetryPolicy retryPolicy) {
    this(retryPolicy, new SimpleMeterRegistry());
  }

  public TaskRunner(RetryPolicy retryPolicy, MeterRegistry meters) {
    this.retryPolicy = retryPolicy;
    this.meters = meters;
  }

  public void run(TaskHandler handler, TaskInput task, TaskCompletion completion) {
    try (MDC.MDCCloseable key = MDC.putCloseable(MDC_BUSINESS_KEY, task.businessKey());
        MDC.MDCCloseable instance = MDC.putCloseable(MDC_PROCESS_INSTANCE, task.processInstanceId());
        MDC.MDCCloseable topic = MDC.putCloseable(MDC_TOPIC, task.topic())) {
      Timer.Sample sample = Timer.start(meters);
      TaskOutcome outcome = outcomeOf(handler, task);
      sample.stop(meters.timer(HANDLER_TIMER, "topic", task.topic(), "outcome", outcomeName(outcome)));
      report(task, outcome, completion);
    }
  }

  private TaskOutcome outcomeOf(TaskHandler handler, TaskInput task) {
    try {
      TaskOutcome outcome = handler.handle(task);
      if (outcome instanceof TaskOutcome.Completed completed) {
        PublicVariables.check(completed.variables());
      }
      return outcome;
    } catch (Exception e) {
      return TaskOutcome.failure(task.topic() + " failed: " + e.getMessage(), stackTrace(e));
    }
  }

  private static String outcomeName(TaskOutcome outcome) {
    if (outcome instanceof TaskOutcome.Completed) {
      return "completed";
    }
    return outcome instanceof TaskOutcome.BusinessError ? "bpmn-error" : "failure";
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
      Counter.builder(HANDLER_FAILURES).tag("topic", task.topic()).register(meters).increment();
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
