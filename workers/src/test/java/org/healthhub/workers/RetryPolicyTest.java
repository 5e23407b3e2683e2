package org.healthhub.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(
      List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)));

  @Test
  void afterFailure_successiveFailures_countDownWithEachBackoffThenIncident() {
    assertThat(policy.afterFailure(null)).isEqualTo(new RetryPolicy.Retry(3, Duration.ofSeconds(5)));
    assertThat(policy.afterFailure(3)).isEqualTo(new RetryPolicy.Retry(2, Duration.ofSeconds(30)));
    assertThat(policy.afterFailure(2)).isEqualTo(new RetryPolicy.Retry(1, Duration.ofMinutes(2)));
    assertThat(policy.afterFailure(1)).isEqualTo(new RetryPolicy.Retry(0, Duration.ZERO));
  }

  @Test
  void afterFailure_retriesSetHigherByOperator_usesLongestBackoff() {
    assertThat(policy.afterFailure(10)).isEqualTo(new RetryPolicy.Retry(2, Duration.ofSeconds(30)));
  }

  @Test
  void afterFailure_noBackoffs_incidentAtOnce() {
    assertThat(new RetryPolicy(List.of()).afterFailure(null).retriesLeft()).isZero();
  }

  @Test
  void create_negativeBackoff_throws() {
    assertThatThrownBy(() -> new RetryPolicy(List.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
