package org.healthhub.processes.purchase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.workers.purchase.DisputeDeliveryHandler;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/**
 * Starts open-signature for the disputed signature through its dispute start message, with the
 * buyer as the requester (who can therefore never approve it).
 */
public class StartOpening implements JavaDelegate {
  static final String DISPUTE_MESSAGE = "signature-disputed";

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    for (String name : List.of(PurchaseVariables.PURCHASE_ID, "signatureDigest", "signatureCid",
        DisputeDeliveryHandler.DISPUTED_RECORD_CID,
        "hospitalGroupId")) {
      variables.put(name, execution.getVariable(name));
    }
    variables.put("openingRequester", execution.getVariable(PurchaseVariables.BUYER_ID));
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(DISPUTE_MESSAGE)
        .processInstanceBusinessKey((String) execution.getVariable(PurchaseVariables.PURCHASE_ID))
        .setVariables(variables).correlateStartMessage();
  }
}
