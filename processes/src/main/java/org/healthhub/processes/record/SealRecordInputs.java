package org.healthhub.processes.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthhub.workers.record.RecordInputs;
import org.healthhub.workers.record.RecordVariables;
import org.healthhub.workers.record.SealedRecords;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.delegate.VariableScope;

/**
 * Seals the record a doctor submits (start form, REST, or the fix-it task) in the same transaction
 * as the submission: the plaintext variables ({@link RecordInputs#isPlaintext}) become one sealed
 * intake for the patient and the doctor, and are removed before the transaction commits, so no
 * runtime row ever holds them; {@link PlaintextHistoryFilter} keeps them out of the history.
 */
public final class SealRecordInputs implements ExecutionListener, TaskListener {

  private final SealedRecords records;

  public SealRecordInputs(SealedRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    seal(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      seal(task.getExecution());
    } catch (Exception e) {
      throw new IllegalStateException("cannot seal the corrected record: " + e.getClass().getSimpleName(), e);
    }
  }

  private void seal(VariableScope scope) throws Exception {
    Map<String, Object> variables = scope.getVariables();
    List<String> plaintext = new ArrayList<>(variables.keySet().stream().filter(RecordInputs::isPlaintext).toList());
    if (plaintext.isEmpty()) {
      throw new IllegalArgumentException("a record needs the doctor's form fields (form_*) or " + RecordInputs.FHIR_JSON);
    }
    String recordId = (String) variables.get(RecordVariables.RECORD_ID);
    if (recordId == null) {
      recordId = UUID.randomUUID().toString();
      scope.setVariable(RecordVariables.RECORD_ID, recordId);
    }
    String patientId = requireString(variables, RecordVariables.PATIENT_ID);
    String doctorId = requireString(variables, RecordVariables.DOCTOR_ID);
    byte[] intake = RecordInputs.intakeOf(variables);
    scope.setVariable(RecordVariables.INTAKE_CID, records.seal(recordId + "-intake", intake, List.of(doctorId, patientId)));
    plaintext.forEach(scope::removeVariable);
  }

  private static String requireString(Map<String, Object> variables, String name) {
    if (!(variables.get(name) instanceof String value) || value.isBlank()) {
      throw new IllegalArgumentException("a record needs the variable '" + name + "'");
    }
    return value;
  }
}
