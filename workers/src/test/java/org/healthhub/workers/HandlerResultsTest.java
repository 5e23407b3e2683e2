package org.healthhub.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerResultsTest {

  @TempDir Path dir;

  @Test
  void once_secondDelivery_returnsFirstResultWithoutRunningAgain() throws Exception {
    AtomicInteger sideEffects = new AtomicInteger();
    HandlerResults.Work work = () -> Map.of("uploadStep", sideEffects.incrementAndGet());

    Map<String, Object> first = new HandlerResults(dir).once("pi-1/ServiceTask_Store/0", work);
    Map<String, Object> second = new HandlerResults(dir).once("pi-1/ServiceTask_Store/0", work);

    assertThat(second).isEqualTo(first).isEqualTo(Map.of("uploadStep", 1));
    assertThat(sideEffects).hasValue(1);
  }

  @Test
  void once_otherKey_runsAgain() throws Exception {
    HandlerResults results = new HandlerResults(dir);
    results.once("pi-1/a/0", () -> Map.of("joinStep", 1));

    assertThat(results.once("pi-1/a/1", () -> Map.of("joinStep", 2))).containsEntry("joinStep", 2);
  }

  @Test
  void once_workFails_recordsNothing() throws Exception {
    HandlerResults results = new HandlerResults(dir);

    assertThatThrownBy(() -> results.once("k", () -> {
      throw new IllegalStateException("node down");
    })).hasMessage("node down");
    assertThat(results.find("k")).isEmpty();
  }

  @Test
  void record_nonPublicResult_refused() {
    assertThatThrownBy(() -> new HandlerResults(dir).record("k", Map.of("memberKey", "AAAA")))
        .isInstanceOf(NonPublicVariableException.class);
  }
}
