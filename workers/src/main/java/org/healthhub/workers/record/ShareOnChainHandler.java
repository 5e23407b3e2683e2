package org.healthhub.workers.record;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.chain.ContractRevertedException;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.TxOutcome;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.chain.DataHubAccess;

/**
 * The patient's account acting on DataHub for a share of the record's root with the doctor's
 * address, returning when mined: {@code chain.share} grants until the share's expiry (a refusal,
 * such as an expiry already past, is a business outcome); {@code chain.revoke} posts the
 * revocation. The gateway reads the chain first: a grant already in force, or one no longer active
 * (lapsed, or revoked by an earlier delivery), needs no transaction ({@code <step>Status}
 * NOTHING_TO_SEND). An unreachable node is retried.
 *
 * <p>The patient signs with the key whose address the record was anchored for, retired by a
 * rotation or not; a grant goes to the doctor's current address, a revocation to every address of
 * the doctor's that still holds the share.
 */
public final class ShareOnChainHandler implements TaskHandler {

  @FunctionalInterface
  private interface Transaction {
    TxOutcome send(DataHubGateway dataHub, byte[] root, String doctorAddress, TaskInput task) throws Exception;
  }

  private final String step;
  private final Transaction transaction;
  private final boolean refusalIsBusiness;
  private final DataHubAccess chain;
  private final HandlerResults results;

  private ShareOnChainHandler(String step, Transaction transaction, boolean refusalIsBusiness, DataHubAccess chain,
      HandlerResults results) {
    this.step = step;
    this.transaction = transaction;
    this.refusalIsBusiness = refusalIsBusiness;
    this.chain = chain;
    this.results = results;
  }

  public static ShareOnChainHandler grant(DataHubAccess chain, HandlerResults results) {
    return new ShareOnChainHandler("grant", (dataHub, root, doctor, task) -> dataHub.grantShare(root, doctor,
        OffsetDateTime.parse(task.requireString(ShareVariables.EXPIRES_AT)).toEpochSecond()), true, chain, results);
  }

  public static ShareOnChainHandler revoke(DataHubAccess chain, HandlerResults results) {
    return new ShareOnChainHandler("revoke", (dataHub, root, doctor, task) -> dataHub.revokeShare(root, doctor),
        false, chain, results);
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String patientId = task.requireString(RecordVariables.PATIENT_ID);
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    byte[] root = RecordVariables.unhex(task.requireString(RecordVariables.MERKLE_ROOT));
    try {
      return TaskOutcome.complete(results.once(task.resultKey(step), () -> {
        DataHubGateway dataHub = patientSigner(patientId, root);
        List<String> doctorAddresses = refusalIsBusiness ? List.of(chain.addressOf(doctorId)) : chain.addressesOf(doctorId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(step + "Status", "NOTHING_TO_SEND");
        for (String doctorAddress : doctorAddresses) {
          TxOutcome outcome = transaction.send(dataHub, root, doctorAddress, task);
          outcome.receipt().ifPresent(receipt -> {
            variables.put(step + "Status", "MINED");
            variables.put(step + "TxHash", receipt.getTransactionHash());
          });
        }
        return variables;
      }));
    } catch (ContractRevertedException e) {
      if (!refusalIsBusiness) {
        throw e;
      }
      return TaskOutcome.bpmnError(ShareVariables.GRANT_REFUSED, "DataHub refused the grant: " + e.errorName());
    }
  }

  /** The patient's key the root is anchored for; the current key when none is (DataHub then refuses). */
  private DataHubGateway patientSigner(String patientId, byte[] root) throws Exception {
    String owner = chain.as(patientId).patientOf(root);
    boolean held = chain.addressesOf(patientId).stream().anyMatch(owner::equalsIgnoreCase);
    return held ? chain.asAccount(patientId, owner) : chain.as(patientId);
  }
}
