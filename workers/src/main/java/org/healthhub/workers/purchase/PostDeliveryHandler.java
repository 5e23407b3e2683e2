package org.healthhub.workers.purchase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.PurchaseView;
import org.healthhub.chain.TxOutcome;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.record.RecordVariables;

/**
 * {@code chain.purchase-deliver}: the hospital's account posts the bundle's digest and the patients
 * whose records it holds (they share the patients' part of the price), then reads back dispute-by;
 * a dispute then waits one more dispute window for its verdict ({@code verdictByDate}).
 */
public final class PostDeliveryHandler implements TaskHandler {
  private final DataHubAccess chain;
  private final String hospitalAccount;
  private final HandlerResults results;

  public PostDeliveryHandler(DataHubAccess chain, String hospitalAccount, HandlerResults results) {
    this.chain = chain;
    this.hospitalAccount = hospitalAccount;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    byte[] purchaseId = PurchaseVariables.purchaseId(task);
    byte[] digest = RecordVariables.unhex(task.requireString(PurchaseVariables.BUNDLE_DIGEST));
    List<String> patients = PurchaseVariables.ids(task.variables().get("deliveredPatientIds"));
    return TaskOutcome.complete(results.once(task.resultKey("post-delivery"), () -> {
      List<String> addresses = new ArrayList<>();
      for (String patient : patients) {
        addresses.add(chain.addressOf(patient));
      }
      DataHubGateway dataHub = chain.as(hospitalAccount);
      TxOutcome outcome = dataHub.deliverPurchase(purchaseId, digest, addresses);
      PurchaseView purchase = dataHub.purchase(purchaseId);
      Map<String, Object> variables = new HashMap<>();
      variables.put(PurchaseVariables.DISPUTE_BY_DATE, PurchaseVariables.date(purchase.phaseDeadline()));
      variables.put(PurchaseVariables.VERDICT_BY_DATE,
          PurchaseVariables.date(purchase.phaseDeadline() + dataHub.disputeWindowSeconds()));
      outcome.receipt().ifPresent(receipt -> variables.put("deliveryTxHash", receipt.getTransactionHash()));
      return variables;
    }));
  }
}
