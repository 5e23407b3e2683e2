package org.healthhub.workers.purchase;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.TxOutcome;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.record.RecordVariables;

/**
 * {@code chain.purchase-request}: the buyer's own account escrows the price on DataHub against the
 * template's digest. Deadlines are counted from the chain's clock (the one the contract checks), and
 * the salt is the process instance, so a second delivery finds the same purchase and sends nothing.
 */
public final class RequestEscrowHandler implements TaskHandler {
  private static final long HOUR = 3600;

  private final DataHubAccess chain;
  private final HandlerResults results;

  public RequestEscrowHandler(DataHubAccess chain, HandlerResults results) {
    this.chain = chain;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String buyerId = task.requireString(PurchaseVariables.BUYER_ID);
    BuyerTemplate template = PurchaseTemplate.checked(task.requireString(PurchaseVariables.FIELDS));
    byte[] templateDigest = PurchaseTemplate.digest(task.requireString(PurchaseVariables.CATEGORY), template);
    BigInteger price = new BigInteger(task.requireString(PurchaseVariables.PRICE_WEI));
    long replyHours = task.intOr(PurchaseVariables.REPLY_HOURS, 0);
    long deliveryHours = task.intOr(PurchaseVariables.DELIVERY_HOURS, 0);
    byte[] salt = RecordVariables.sha256(("purchase-data|" + task.processInstanceId()).getBytes(StandardCharsets.UTF_8));
    return TaskOutcome.complete(results.once(task.resultKey("escrow"), () -> {
      DataHubGateway dataHub = chain.as(buyerId);
      long now = dataHub.latestBlockTime();
      long replyBy = now + replyHours * HOUR;
      long deliverBy = now + deliveryHours * HOUR;
      TxOutcome outcome = dataHub.requestPurchase(salt, templateDigest, price, replyBy, deliverBy);
      Map<String, Object> variables = new HashMap<>();
      variables.put(PurchaseVariables.PURCHASE_ID, "0x" + RecordVariables.hex(dataHub.purchaseIdOf(dataHub.account(), salt)));
      variables.put(PurchaseVariables.TEMPLATE_DIGEST, RecordVariables.hex(templateDigest));
      variables.put(PurchaseVariables.REPLY_BY_DATE, PurchaseVariables.date(replyBy));
      variables.put(PurchaseVariables.CONSENT_BY_DATE, PurchaseVariables.date(replyBy + (deliverBy - replyBy) / 2));
      variables.put(PurchaseVariables.DELIVER_BY_DATE, PurchaseVariables.date(deliverBy));
      outcome.receipt().ifPresent(receipt -> variables.put("escrowTxHash", receipt.getTransactionHash()));
      return variables;
    }));
  }
}
