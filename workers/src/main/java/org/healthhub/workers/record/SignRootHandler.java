package org.healthhub.workers.record;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.merkle.SignedRootMessage;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.enrol.GroupSignatureMembership;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;

/**
 * {@code record.sign}: group-signs the record's {@link SignedRootMessage} with the doctor's member
 * key (once per record: a second delivery returns the first signature) and stores the signature,
 * which is public, in the blob store. A doctor who is not a member is a business outcome.
 */
public final class SignRootHandler implements TaskHandler {

  private final GroupSignatureMembership membership;
  private final HospitalGroups groups;
  private final BlobStore store;
  private final HandlerResults results;

  public SignRootHandler(GroupSignatureMembership membership, HospitalGroups groups, BlobStore store, HandlerResults results) {
    this.membership = membership;
    this.groups = groups;
    this.store = store;
    this.results = results;
  }

  /** The exact text a record's group signature covers. */
  public static String signedText(byte[] root, String scheme, String groupId) {
    return new String(new SignedRootMessage(root, scheme, groupId, ProtectedRecord.SCHEMA_VERSION).toBytes(),
        StandardCharsets.UTF_8);
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String groupId = task.requireString(RecordVariables.GROUP_ID);
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    PublicGroup group = groups.require(groupId);
    Optional<MemberKey> key = membership.memberKey(groupId, doctorId);
    if (key.isEmpty()) {
      return TaskOutcome.bpmnError(RecordVariables.NOT_A_MEMBER, doctorId + " is not a member of " + groupId);
    }
    return TaskOutcome.complete(results.once(task.resultKey("sign"), () -> {
      byte[] root = RecordVariables.unhex(task.requireString(RecordVariables.MERKLE_ROOT));
      GroupSignature signature = groups.scheme().sign(signedText(root, groups.scheme().descriptor().name(), groupId),
          key.get(), group.groupKey(), RandomScalars.secure());
      byte[] exported = signature.toBase64().getBytes(StandardCharsets.US_ASCII);
      String cid = store.put(new ByteArrayInputStream(exported)).cid().toString();
      return Map.of(RecordVariables.SIGNATURE_CID, cid,
          RecordVariables.SIGNATURE_DIGEST, RecordVariables.hex(RecordVariables.sha256(exported)));
    }));
  }
}
