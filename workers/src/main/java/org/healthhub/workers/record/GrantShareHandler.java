package org.healthhub.workers.record;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.healthhub.chain.ContractRevertedException;
import org.healthhub.chain.TxOutcome;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;

/**
 * {@code chain.share}: the patient's account grants the doctor's address access to the record's
 * root on DataHub until the share's expiry; returns when mined. A refusal (expiry already past, not
 * the record's patient) is a business outcome; an unreachable node is retried.
 */
public final class GrantShareHandler implements TaskHandler {

  private final DataHubAccess chain;
  private final HandlerResults results;

  public GrantShareHandler(DataHubAccess chain, HandlerResults results) {
    this.chain = chain;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String patientId = task.requireString(RecordVariables.PATIENT_ID);
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    byte[] root = RecordVariables.unhex(task.requireString(RecordVariables.MERKLE_ROOT));
    long expiresAt = OffsetDateTime.parse(task.requireString(ShareVariables.EXPIRES_AT)).toEpochSecond();
    try {
      return TaskOutcome.complete(results.once(task.resultKey("grant"), () -> {
        TxOutcome outcome = chain.as(patientId).grantShare(root, chain.addressOf(doctorId), expiresAt);
        Map<String, Object> variables = new HashMap<>();
        variables.put("grantStatus", "MINED");
        outcome.receipt().ifPresent(receipt -> variables.put(ShareVariables.GRANT_TX_HASH, receipt.getTransactionHash()));
        return variables;
      }));
    } catch (ContractRevertedException e) {
      return TaskOutcome.bpmnError(ShareVariables.GRANT_REFUSED, "DataHub refused the grant: " + e.errorName());
    }
  }
}
