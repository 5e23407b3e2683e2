package org.healthhub.workers.purchase;

import java.util.HashMap;
import java.util.Map;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.TxOutcome;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;

/**
 * The purchase's single-call transactions, each from the account the contract requires: the
 * hospital replies ({@code chain.purchase-reply}) or declines ({@code chain.purchase-decline}); the
 * buyer accepts ({@code chain.purchase-accept}); the buyer, who gets the money back, claims a refund
 * past a deadline ({@code chain.purchase-refund}) or after a dispute left without verdict
 * ({@code chain.purchase-dispute-refund}); the hospital, which gets paid, finalizes a delivery the buyer
 * left unanswered ({@code chain.purchase-finalize}). Each ends with the purchase's state on chain
 * ({@code settlementStatus}). The gateway reads the chain first, so a second delivery sends nothing;
 * a revert (e.g. a deadline the chain's clock has not reached yet) is a failure, retried.
 */
public final class PurchaseTransactionHandler implements TaskHandler {

  @FunctionalInterface
  private interface Transaction {
    TxOutcome send(DataHubGateway dataHub, byte[] purchaseId, TaskInput task) throws Exception;
  }

  private final String step;
  private final String accountVariable;
  private final String fixedAccount;
  private final Transaction transaction;
  private final DataHubAccess chain;
  private final HandlerResults results;

  private PurchaseTransactionHandler(String step, String accountVariable, String fixedAccount, Transaction transaction,
      DataHubAccess chain, HandlerResults results) {
    this.step = step;
    this.accountVariable = accountVariable;
    this.fixedAccount = fixedAccount;
    this.transaction = transaction;
    this.chain = chain;
    this.results = results;
  }

  public static PurchaseTransactionHandler reply(DataHubAccess chain, String hospitalAccount, HandlerResults results) {
    return new PurchaseTransactionHandler("reply", null, hospitalAccount, (dataHub, id, task) ->
        dataHub.replyPurchase(id, task.intOr(PurchaseVariables.PATIENT_SHARE_BPS, -1)), chain, results);
  }

  public static PurchaseTransactionHandler decline(DataHubAccess chain, String hospitalAccount, HandlerResults results) {
    return new PurchaseTransactionHandler("decline", null, hospitalAccount,
        (dataHub, id, task) -> dataHub.declinePurchase(id), chain, results);
  }

  public static PurchaseTransactionHandler finalizeSilent(DataHubAccess chain, String hospitalAccount,
      HandlerResults results) {
    return new PurchaseTransactionHandler("finalize", null, hospitalAccount,
        (dataHub, id, task) -> dataHub.finalizePurchase(id), chain, results);
  }

  public static PurchaseTransactionHandler accept(DataHubAccess chain, HandlerResults results) {
    return new PurchaseTransactionHandler("accept", PurchaseVariables.BUYER_ID, null,
        (dataHub, id, task) -> dataHub.acceptDelivery(id), chain, results);
  }

  public static PurchaseTransactionHandler refundExpired(DataHubAccess chain, HandlerResults results) {
    return new PurchaseTransactionHandler("refund", PurchaseVariables.BUYER_ID, null,
        (dataHub, id, task) -> dataHub.refundExpired(id), chain, results);
  }

  public static PurchaseTransactionHandler refundUnresolvedDispute(DataHubAccess chain, HandlerResults results) {
    return new PurchaseTransactionHandler("disputeRefund", PurchaseVariables.BUYER_ID, null,
        (dataHub, id, task) -> dataHub.refundUnresolvedDispute(id), chain, results);
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    byte[] purchaseId = PurchaseVariables.purchaseId(task);
    String account = fixedAccount != null ? fixedAccount : task.requireString(accountVariable);
    return TaskOutcome.complete(results.once(task.resultKey(step), () -> {
      DataHubGateway dataHub = chain.as(account);
      TxOutcome outcome = transaction.send(dataHub, purchaseId, task);
      Map<String, Object> variables = new HashMap<>();
      outcome.receipt().ifPresent(receipt -> variables.put(step + "TxHash", receipt.getTransactionHash()));
      variables.put(PurchaseVariables.SETTLEMENT_STATUS, dataHub.purchase(purchaseId).state().name());
      return variables;
    }));
  }
}
