package org.healthhub.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TaskRunnerTest {

  /** Records what a launcher would have sent to the engine. */
  private static final class RecordedCompletion implements TaskCompletion {
    final List<String> calls = new ArrayList<>();

    @Override
    public void complete(Map<String, Object> variables) {
      calls.add("complete " + variables);
    }

    @Override
    public void bpmnError(String code, String message) {
      calls.add("bpmnError " + code + ": " + message);
    }

    @Override
    public void failure(String message, String details, int retriesLeft, long retryTimeoutMillis) {
      calls.add("failure " + message + " retries=" + retriesLeft + " wait=" + retryTimeoutMillis);
    }
  }

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TaskRunner runner =
      new TaskRunner(new RetryPolicy(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30))), meters);
  private final RecordedCompletion completion = new RecordedCompletion();

  @Test
  void run_publicVariables_completes() {
    runner.run(task -> TaskOutcome.complete(Map.of("joinStatus", "COMPLETE")), task(null), completion);

    assertThat(completion.calls).containsExactly("complete {joinStatus=COMPLETE}");
  }

  @Test
  void run_nonPublicVariable_failsInsteadOfCompleting() {
    runner.run(task -> TaskOutcome.complete(Map.of("dataKey", "c2VjcmV0")), task(null), completion);

    assertThat(completion.calls).singleElement().asString()
        .startsWith("failure record.encrypt failed: variable 'dataKey' is not of a public kind")
        .endsWith("retries=2 wait=5000");
  }

  @Test
  void run_handlerThrows_technicalFailureWithNextBackoff() {
    runner.run(task -> {
      throw new java.io.IOException("IPFS node down");
    }, task(2), completion);

    assertThat(completion.calls).containsExactly("failure record.encrypt failed: IPFS node down retries=1 wait=30000");
  }

  @Test
  void run_businessError_reportedAsBpmnErrorWithoutRetry() {
    runner.run(task -> TaskOutcome.bpmnError("INVALID_RECORD", "no patient id"), task(null), completion);

    assertThat(completion.calls).containsExactly("bpmnError INVALID_RECORD: no patient id");
  }

  @Test
  void run_lastRetryFails_noRetriesLeft() {
    runner.run(task -> TaskOutcome.failure("timeout", "after 10 s"), task(1), completion);

    assertThat(completion.calls).containsExactly("failure timeout retries=0 wait=0");
  }

  @Test
  void run_eachOutcome_timedPerTopicAndOutcome() {
    runner.run(task -> TaskOutcome.complete(Map.of()), task(null), completion);
    runner.run(task -> TaskOutcome.bpmnError("INVALID_RECORD", "no patient id"), task(null), completion);
    runner.run(task -> {
      throw new java.io.IOException("IPFS node down");
    }, task(null), completion);

    for (String outcome : List.of("completed", "bpmn-error", "failure")) {
      assertThat(meters.get(TaskRunner.HANDLER_TIMER).tags("topic", Topics.RECORD_ENCRYPT, "outcome", outcome)
          .timer().count()).as(outcome).isEqualTo(1);
    }
    assertThat(meters.get(TaskRunner.HANDLER_FAILURES).tag("topic", Topics.RECORD_ENCRYPT).counter().count())
        .isEqualTo(1);
  }

  @Test
  void run_whileHandling_mdcCarriesBusinessKeyInstanceAndTopic() {
    Map<String, String> seen = new HashMap<>();
    runner.run(task -> {
      seen.putAll(MDC.getCopyOfContextMap());
      return TaskOutcome.complete(Map.of());
    }, task(null), completion);

    assertThat(seen).containsEntry("businessKey", "bk").containsEntry("processInstanceId", "pi-1")
        .containsEntry("topic", Topics.RECORD_ENCRYPT);
    assertThat(MDC.get("businessKey")).as("cleared after the run").isNull();
  }

  private static TaskInput task(Integer retries) {
    return new TaskInput(Topics.RECORD_ENCRYPT, "bk", "pi-1", "ServiceTask_Encrypt", Map.of(), retries);
  }
}
