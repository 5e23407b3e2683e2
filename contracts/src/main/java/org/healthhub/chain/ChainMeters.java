package org.healthhub.chain;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Records each mined transaction in Micrometer: latency from signing to receipt in
 * {@value #LATENCY} and gas used in {@value #GAS}, both tagged {@code status} ({@code ok} or
 * {@code reverted}).
 */
public final class ChainMeters implements TransactionObserver {

  public static final String LATENCY = "healthhub.chain.transaction";
  public static final String GAS = "healthhub.chain.gas";

  private final MeterRegistry meters;

  public ChainMeters(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public void mined(TransactionReceipt receipt, Duration latency) {
    String status = receipt.isStatusOK() ? "ok" : "reverted";
    meters.timer(LATENCY, "status", status).record(latency);
    DistributionSummary.builder(GAS).baseUnit("gas").tag("status", status).register(meters)
        .record(receipt.getGasUsed().doubleValue());
  }
}
