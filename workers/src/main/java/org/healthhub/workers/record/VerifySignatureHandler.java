package org.healthhub.workers.record;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.enrol.HospitalGroups;

/**
 * {@code record.verify}: checks the stored group signature against the group's public key and the
 * root in the flow, with nothing of the signer's: what any verifier can do. A signature that does
 * not verify (or is not a signature of the group's scheme) is a business outcome.
 */
public final class VerifySignatureHandler implements TaskHandler {

  private static final int MAX_SIGNATURE_BYTES = 64 * 1024;

  private final HospitalGroups groups;
  private final BlobStore store;

  public VerifySignatureHandler(HospitalGroups groups, BlobStore store) {
    this.groups = groups;
    this.store = store;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String groupId = task.requireString(RecordVariables.GROUP_ID);
    byte[] exported;
    try (InputStream in = store.get(Cid.parse(task.requireString(RecordVariables.SIGNATURE_CID)))) {
      exported = in.readNBytes(MAX_SIGNATURE_BYTES);
    }
    if (!RecordVariables.hex(RecordVariables.sha256(exported)).equals(task.requireString(RecordVariables.SIGNATURE_DIGEST))) {
      return TaskOutcome.bpmnError(RecordVariables.SIGNATURE_INVALID, "the stored signature does not match its digest");
    }
    byte[] root = RecordVariables.unhex(task.requireString(RecordVariables.MERKLE_ROOT));
    try {
      groups.scheme().verify(SignRootHandler.signedText(root, groups.scheme().descriptor().name(), groupId),
          groups.scheme().importSignature(new String(exported, StandardCharsets.US_ASCII)), groups.require(groupId).groupKey());
    } catch (InvalidSignatureException | MalformedInputException e) {
      return TaskOutcome.bpmnError(RecordVariables.SIGNATURE_INVALID, "group signature rejected: " + e.getMessage());
    }
    return TaskOutcome.complete(Map.of("signatureStatus", "VALID"));
  }
}
