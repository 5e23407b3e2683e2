package org.healthhub.workers.purchase;

import org.healthhub.storage.BlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.Topics;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.SealedRecords;

/**
 * What the handlers of purchase-data run on, and the one place that subscribes them (the app's
 * configuration and the process tests both use it).
 *
 * @param hospitalAccount the user whose chain key replies, delivers and finalizes for the hospital
 * @param hospitalGroupId the group whose doctors signed the hospital's records
 * @param managers the two managers' public keys a disputed record is sealed to
 */
public record PurchaseFlowHandlers(SealedRecords records, BlobStore store, HospitalGroups groups, DataHubAccess chain,
    RecordIndex recordIndex, String hospitalAccount, String hospitalGroupId, ManagerKeys managers, HandlerResults results) {

  public Subscriptions.Builder subscribeTo(Subscriptions.Builder builder) {
    return builder
        .subscribe(Topics.CHAIN_PURCHASE_REQUEST, new RequestEscrowHandler(chain, results))
        .subscribe(Topics.PURCHASE_MATCH, new MatchRecordsHandler(recordIndex, hospitalGroupId))
        .subscribe(Topics.CHAIN_PURCHASE_REPLY, PurchaseTransactionHandler.reply(chain, hospitalAccount, results))
        .subscribe(Topics.CHAIN_PURCHASE_DECLINE, PurchaseTransactionHandler.decline(chain, hospitalAccount, results))
        .subscribe(Topics.PURCHASE_DELIVER, new DeliverBundleHandler(records, recordIndex, results))
        .subscribe(Topics.CHAIN_PURCHASE_DELIVER, new PostDeliveryHandler(chain, hospitalAccount, results))
        .subscribe(Topics.PURCHASE_VERIFY, new VerifyDeliveryHandler(records, groups, chain))
        .subscribe(Topics.CHAIN_PURCHASE_ACCEPT, PurchaseTransactionHandler.accept(chain, results))
        .subscribe(Topics.CHAIN_PURCHASE_FINALIZE, PurchaseTransactionHandler.finalizeSilent(chain, hospitalAccount, results))
        .subscribe(Topics.CHAIN_PURCHASE_REFUND, PurchaseTransactionHandler.refundExpired(chain, results))
        .subscribe(Topics.CHAIN_PURCHASE_DISPUTE, new DisputeDeliveryHandler(records, store, chain, managers, results))
        .subscribe(Topics.CHAIN_PURCHASE_DISPUTE_REFUND, PurchaseTransactionHandler.refundUnresolvedDispute(chain, results));
  }
}
