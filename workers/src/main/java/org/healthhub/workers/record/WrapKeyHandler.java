package org.healthhub.workers.record;

import java.util.Map;
import java.util.Optional;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code record.wrap-key}: the patient unwraps the record's data key and wraps it for the doctor;
 * the payload is untouched, the copy with the new wrap gets its own CID. Only the record's patient
 * may share it (a business outcome otherwise).
 */
public final class WrapKeyHandler implements TaskHandler {

  private final SealedRecords records;
  private final RecordIndex recordIndex;
  private final ShareIndex shareIndex;
  private final HandlerResults results;

  public WrapKeyHandler(SealedRecords records, RecordIndex recordIndex, ShareIndex shareIndex, HandlerResults results) {
    this.records = records;
    this.recordIndex = recordIndex;
    this.shareIndex = shareIndex;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String recordId = task.requireString(RecordVariables.RECORD_ID);
    String patientId = task.requireString(RecordVariables.PATIENT_ID);
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    Optional<RecordIndex.Entry> record = recordIndex.find(recordId);
    if (record.isEmpty() || !record.get().patientId().equals(patientId)) {
      return TaskOutcome.bpmnError(ShareVariables.NOT_RECORD_OWNER, patientId + " holds no record " + recordId);
    }
    return TaskOutcome.complete(results.once(task.resultKey("wrap"), () -> {
      // Not while a share's end re-seals this record (RemoveWrapHandler): the copy must carry the current key.
      synchronized (recordIndex) {
        RecordIndex.Entry current = recordIndex.find(recordId).orElseThrow();
        String shared = records.share(current.recordCid(), patientId, doctorId);
        shareIndex.put(new ShareIndex.Share(task.requireString(ShareVariables.SHARE_ID), recordId, patientId, doctorId,
            task.requireString(ShareVariables.EXPIRES_AT), shared, "ACTIVE"));
        return Map.of(ShareVariables.SHARED_RECORD_CID, shared, RecordVariables.MERKLE_ROOT, current.merkleRoot());
      }
    }));
  }
}
