package org.healthhub.processes.purchase;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * At open-signature's verdict, tells the disputed purchase (if any) what the combiner decided and
 * posted on chain; a Group Manager's own request has no purchase, and a purchase that stopped
 * waiting (its verdict deadline passed) is not there to hear it.
 */
public class NotifyPurchaseOfVerdict implements ExecutionListener {
  static final String VERDICT_MESSAGE = "opening-verdict";

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getVariable("purchaseId") instanceof String purchaseId) || purchaseId.isBlank()) {
      return;
    }
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(VERDICT_MESSAGE)
        .processInstanceVariableEquals("purchaseId", purchaseId)
        .setVariable("openingVerdictStatus", execution.getVariable("openingVerdictStatus"))
        .correlateAll();
  }
}
