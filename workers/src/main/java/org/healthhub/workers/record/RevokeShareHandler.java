package org.healthhub.workers.record;

import java.util.HashMap;
import java.util.Map;
import org.healthhub.chain.TxOutcome;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;

/**
 * {@code chain.revoke}: the patient's account posts the revocation on DataHub. A grant no longer
 * active on chain (lapsed, or revoked by an earlier delivery) needs no transaction: the task
 * completes with {@code revokeStatus} NOT_ACTIVE.
 */
public final class RevokeShareHandler implements TaskHandler {

  private final DataHubAccess chain;
  private final HandlerResults results;

  public RevokeShareHandler(DataHubAccess chain, HandlerResults results) {
    this.chain = chain;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String patientId = task.requireString(RecordVariables.PATIENT_ID);
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    byte[] root = RecordVariables.unhex(task.requireString(RecordVariables.MERKLE_ROOT));
    return TaskOutcome.complete(results.once(task.resultKey("revoke"), () -> {
      TxOutcome outcome = chain.as(patientId).revokeShare(root, chain.addressOf(doctorId));
      Map<String, Object> variables = new HashMap<>();
      variables.put("revokeStatus", outcome.wasSent() ? "MINED" : "NOT_ACTIVE");
      outcome.receipt().ifPresent(receipt -> variables.put(ShareVariables.REVOKE_TX_HASH, receipt.getTransactionHash()));
      return variables;
    }));
  }
}
