package org.healthhub.chain;

import java.time.Duration;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Told about every transaction a {@link TransactionSender} saw mined, reverted or not; for metrics.
 * Called on the sending thread after the receipt arrived: keep it quick and never throw.
 */
@FunctionalInterface
public interface TransactionObserver {

  /** Observes nothing. */
  TransactionObserver NONE = (receipt, latency) -> { };

  /**
   * @param receipt the mined transaction's receipt (its status and gas used)
   * @param latency from signing to receipt
   */
  void mined(TransactionReceipt receipt, Duration latency);
}
