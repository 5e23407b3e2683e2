package org.healthhub.processes.record;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.healthhub.workers.record.ShareVariables;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * Names a new share and checks its expiry when the patient starts share-record, so that a bad date
 * fails the start with a readable message instead of a timer that cannot be scheduled.
 */
public final class AssignShareId implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object expiresAt = execution.getVariable(ShareVariables.EXPIRES_AT);
    try {
      OffsetDateTime.parse(String.valueOf(expiresAt));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(ShareVariables.EXPIRES_AT + " must be ISO 8601 with an offset "
          + "(2026-12-01T12:00:00Z), got " + expiresAt);
    }
    execution.setVariable(ShareVariables.SHARE_ID, UUID.randomUUID().toString());
  }
}
