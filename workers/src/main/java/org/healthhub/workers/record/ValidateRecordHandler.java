package org.healthhub.workers.record;

import java.util.Map;
import org.healthhub.crypto.record.fhir.InvalidRecordException;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code record.validate}: opens the sealed intake as the doctor and validates it as FHIR R4. An
 * invalid record is a business outcome; its message names the failing paths only, never a value,
 * because it ends up in the engine's history. The valid record is kept as the doctor's working
 * copy ({@link WorkingCopies}), so the next steps neither convert nor validate it again.
 */
public final class ValidateRecordHandler implements TaskHandler {

  private final WorkingCopies workingCopies;

  ValidateRecordHandler(WorkingCopies workingCopies) {
    this.workingCopies = workingCopies;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    try {
      workingCopies.validated(task);
      return TaskOutcome.complete(Map.of("validationStatus", "VALID"));
    } catch (InvalidRecordException e) {
      return TaskOutcome.bpmnError(RecordVariables.RECORD_INVALID, "invalid record at: " + String.join(", ", e.failingPaths()));
    }
  }
}
