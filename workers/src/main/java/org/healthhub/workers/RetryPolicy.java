package org.healthhub.workers;

import java.time.Duration;
import java.util.List;

/**
 * Retries of a technical failure: one backoff per retry (e.g. 5 s, 30 s, 2 min = three retries),
 * then an incident.
 */
public record RetryPolicy(List<Duration> backoffs) {

  /** After a failure: how many retries are left and how long the engine waits before the next. */
  public record Retry(int retriesLeft, Duration backoff) {}

  public RetryPolicy {
    backoffs = List.copyOf(backoffs);
    if (backoffs.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("negative backoff in " + backoffs);
    }
  }

  /**
   * @param currentRetries the task's retries before this failure, {@code null} on its first delivery
   */
  public Retry afterFailure(Integer currentRetries) {
    int total = backoffs.size();
    int left = currentRetries == null ? total : Math.max(0, Math.min(total, currentRetries) - 1);
    Duration backoff = left == 0 ? Duration.ZERO : backoffs.get(total - left);
    return new Retry(left, backoff);
  }
}
