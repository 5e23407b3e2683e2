package org.healthhub.workers.purchase;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.TxOutcome;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.record.RecordVariables;
import org.healthhub.workers.record.SealedRecords;

/**
 * {@code chain.purchase-dispute}: the buyer's account disputes the delivery naming the group
 * signature of the record the buyer picked ({@code disputedRecordNumber}, from 1). The signature (public)
 * is put in the blob store, so the opening flow can fetch it by CID and hold it to the digest on chain;
 * the record itself, with its path to the delivery commitment, is stored sealed to the two managers
 * ({@code disputedRecordCid}), so the opening judges the record the hospital delivered. The
 * variables the opening's dispute start needs are returned.
 */
public final class DisputeDeliveryHandler implements TaskHandler {
  public static final String DISPUTED_RECORD_CID = "disputedRecordCid";

  private final SealedRecords records;
  private final BlobStore store;
  private final DataHubAccess chain;
  private final ManagerKeys managers;
  private final HandlerResults results;

  public DisputeDeliveryHandler(SealedRecords records, BlobStore store, DataHubAccess chain, ManagerKeys managers,
      HandlerResults results) {
    this.records = records;
    this.store = store;
    this.chain = chain;
    this.managers = managers;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String buyerId = task.requireString(PurchaseVariables.BUYER_ID);
    int number = task.intOr(PurchaseVariables.DISPUTED_RECORD, 0);
    List<DeliveredRecord> delivered = DeliveryBundle.decode(
        records.open(task.requireString(PurchaseVariables.BUNDLE_CID), buyerId));
    if (number < 1 || number > delivered.size()) {
      throw new IllegalArgumentException("the delivery holds records 1 to " + delivered.size() + ", not " + number);
    }
    DisputedRecord disputed = DisputedRecord.of(delivered, number - 1);
    byte[] exported = disputed.record().signature().getBytes(StandardCharsets.US_ASCII);
    byte[] digest = RecordVariables.sha256(exported);
    return TaskOutcome.complete(results.once(task.resultKey("dispute"), () -> {
      String signatureCid = store.put(new ByteArrayInputStream(exported)).cid().toString();
      byte[] purchaseId = PurchaseVariables.purchaseId(task);
      byte[] sealedRecord = disputed.sealTo(managers, purchaseId, digest);
      String recordCid = store.put(new ByteArrayInputStream(sealedRecord)).cid().toString();
      DataHubGateway dataHub = chain.as(buyerId);
      TxOutcome outcome = dataHub.disputeDelivery(purchaseId, digest);
      Map<String, Object> variables = new HashMap<>();
      variables.put(RecordVariables.SIGNATURE_CID, signatureCid);
      variables.put(RecordVariables.SIGNATURE_DIGEST, RecordVariables.hex(digest));
      variables.put(DISPUTED_RECORD_CID, recordCid);
      variables.put(RecordVariables.GROUP_ID, disputed.record().hospitalGroupId());
      outcome.receipt().ifPresent(receipt -> variables.put("disputeTxHash", receipt.getTransactionHash()));
      return variables;
    }));
  }
}
