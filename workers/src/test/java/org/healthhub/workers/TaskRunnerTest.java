package org.healthhub.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

  private final TaskRunner runner = new TaskRunner(new RetryPolicy(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30))));
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

  private static TaskInput task(Integer retries) {
    return new TaskInput(Topics.RECORD_ENCRYPT, "bk", "pi-1", "ServiceTask_Encrypt", Map.of(), retries);
  }
}
