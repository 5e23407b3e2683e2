package org.healthhub.workers.record;

import java.util.Map;
import org.healthhub.crypto.record.fhir.InvalidRecordException;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.keys.Keyring;

/**
 * {@code record.validate}: opens the sealed intake as the doctor and validates it as FHIR R4. An
 * invalid record is a business outcome; its message names the failing paths only, never a value,
 * because it ends up in the engine's history. A valid record's FHIR JSON is kept, sealed, in the
 * doctor's keyring (see {@link MerkleRootHandler#fhirOf}), so the next steps neither convert nor
 * validate it again.
 */
public final class ValidateRecordHandler implements TaskHandler {

  private final SealedRecords records;
  private final Keyring keyring;

  public ValidateRecordHandler(SealedRecords records, Keyring keyring) {
    this.records = records;
    this.keyring = keyring;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    try {
      MerkleRootHandler.fhirOf(records, keyring, task);
      return TaskOutcome.complete(Map.of("validationStatus", "VALID"));
    } catch (InvalidRecordException e) {
      return TaskOutcome.bpmnError(RecordVariables.RECORD_INVALID, "invalid record at: " + String.join(", ", e.failingPaths()));
    }
  }
}
