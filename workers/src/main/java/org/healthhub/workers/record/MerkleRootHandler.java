package org.healthhub.workers.record;

import java.util.Map;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code record.merkle}: builds the salted Merkle tree of the record {@code record.validate}
 * validated. The record secret (from which every leaf salt derives) is drawn once per record and
 * kept with the record in the doctor's {@link WorkingCopies} until {@code record.encrypt} seals
 * both for the patient; {@code storage.put} drops them once the sealed record is stored.
 */
public final class MerkleRootHandler implements TaskHandler {

  private final WorkingCopies workingCopies;
  private final HandlerResults results;

  MerkleRootHandler(WorkingCopies workingCopies, HandlerResults results) {
    this.workingCopies = workingCopies;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    String recordId = task.requireString(RecordVariables.RECORD_ID);
    return TaskOutcome.complete(results.once(task.resultKey("merkle"), () -> {
      ProtectedRecord record = ProtectedRecord.of(workingCopies.validated(task),
          workingCopies.recordSecret(doctorId, recordId));
      return Map.of(RecordVariables.MERKLE_ROOT, RecordVariables.hex(record.root()));
    }));
  }
}
