package org.healthhub.workers.record;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.healthhub.chain.ContractRevertedException;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.RecordAnchor;
import org.healthhub.chain.TxOutcome;
import org.healthhub.storage.Cid;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;

/**
 * {@code chain.anchor}: the hospital's account anchors root, CID digest (the sha2-256 inside the
 * CIDv0), signature digest and the patient's address on DataHub, and returns when the transaction
 * is mined. A refusal by the contract is a business outcome; an unreachable node is retried. The
 * gateway reads the chain first, so a second delivery sends nothing.
 */
public final class AnchorRecordHandler implements TaskHandler {

  private final DataHubAccess chain;
  private final String hospitalAccount;
  private final RecordIndex index;
  private final HandlerResults results;
  private final Clock clock;

  public AnchorRecordHandler(DataHubAccess chain, String hospitalAccount, RecordIndex index, HandlerResults results, Clock clock) {
    this.chain = chain;
    this.hospitalAccount = hospitalAccount;
    this.index = index;
    this.results = results;
    this.clock = clock;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String recordCid = task.requireString(RecordVariables.RECORD_CID);
    byte[] multihash = Cid.parse(recordCid).multihash();
    byte[] cidDigest = java.util.Arrays.copyOfRange(multihash, 2, 34);
    byte[] root = RecordVariables.unhex(task.requireString(RecordVariables.MERKLE_ROOT));
    String patientId = task.requireString(RecordVariables.PATIENT_ID);
    try {
      Map<String, Object> anchored = results.once(task.resultKey("anchor"), () -> {
        DataHubGateway dataHub = chain.as(hospitalAccount);
        TxOutcome outcome = dataHub.anchorRecord(new RecordAnchor(root, cidDigest,
            RecordVariables.unhex(task.requireString(RecordVariables.SIGNATURE_DIGEST)), chain.addressOf(patientId)));
        Map<String, Object> variables = new HashMap<>();
        variables.put("anchorStatus", "MINED");
        outcome.receipt().ifPresent(receipt -> variables.put(RecordVariables.ANCHOR_TX_HASH, receipt.getTransactionHash()));
        return variables;
      });
      String recordId = task.requireString(RecordVariables.RECORD_ID);
      Optional<RecordIndex.Entry> earlier = index.find(recordId);
      // A delivery that found the anchor already on chain sent nothing: keep the first run's transaction.
      String txHash = (String) anchored.getOrDefault(RecordVariables.ANCHOR_TX_HASH,
          earlier.map(RecordIndex.Entry::anchorTxHash).orElse(null));
      index.put(new RecordIndex.Entry(recordId, patientId, task.requireString(RecordVariables.DOCTOR_ID),
          task.requireString(RecordVariables.GROUP_ID), recordCid, task.requireString(RecordVariables.MERKLE_ROOT),
          task.requireString(RecordVariables.SIGNATURE_CID), txHash,
          earlier.map(RecordIndex.Entry::anchoredAt).orElse(clock.instant().toString())));
      return TaskOutcome.complete(anchored);
    } catch (ContractRevertedException e) {
      return TaskOutcome.bpmnError(RecordVariables.ANCHOR_REFUSED, "DataHub refused the anchor: " + e.errorName());
    }
  }
}
