package org.healthhub.workers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.healthhub.crypto.record.fhir.InvalidRecordException;
import org.healthhub.crypto.record.fhir.ValidatedRecord;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's working copies of a record between record.validate and storage.put. */
class WorkingCopiesTest {

  @TempDir Path dir;
  private BlobStore store;
  private Keyring keyring;
  private SealedRecords records;

  @BeforeEach
  void open() throws Exception {
    store = new EmbeddedBlobStore(dir.resolve("blobs"));
    keyring = TestKeyrings.of(dir.resolve("keys"), "doctor");
    records = new SealedRecords(store, keyring);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void validated_secondStep_getsTheRecordTheFirstValidated() throws Exception {
    WorkingCopies copies = new WorkingCopies(records, keyring);
    TaskInput task = task("r1", intake("first diagnosis"));

    ValidatedRecord first = copies.validated(task);

    assertThat(copies.validated(task)).isSameAs(first);
    assertThat(first.json()).contains("first diagnosis");
  }

  @Test
  void validated_afterRestart_readsTheKeptCopyNotANewConversion() throws Exception {
    TaskInput task = task("r1", intake("kept diagnosis"));
    String kept = new WorkingCopies(records, keyring).validated(task).json();

    ValidatedRecord again = new WorkingCopies(records, keyring).validated(task);

    // A second conversion of the form would draw other resource ids, so another tree.
    assertThat(again.json()).isEqualTo(kept);
  }

  @Test
  void validated_keptCopyAlteredBeforeRestart_isValidatedAgainAndRejected() throws Exception {
    TaskInput task = task("r1", intake("altered diagnosis"));
    String kept = new WorkingCopies(records, keyring).validated(task).json();
    keyring.writeSecret("doctor", "record.r1.fhir",
        kept.replace("\"resourceType\":\"Bundle\"", "\"resourceType\":\"Bundle\",\"shoeSize\":41").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> new WorkingCopies(records, keyring).validated(task))
        .isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void drop_forgetsMemoryAndKeyringCopies() throws Exception {
    WorkingCopies copies = new WorkingCopies(records, keyring);
    TaskInput task = task("r1", intake("dropped diagnosis"));
    String before = copies.validated(task).json();
    copies.recordSecret("doctor", "r1");

    copies.drop("doctor", "r1");

    assertThat(keyring.secretNames("doctor")).isEmpty();
    assertThat(copies.validated(task).json()).as("converted anew from the intake: fresh resource ids").isNotEqualTo(before);
  }

  @Test
  void validated_invalidIntake_throwsAndKeepsNothing() throws Exception {
    WorkingCopies copies = new WorkingCopies(records, keyring);
    String cid = records.seal("r2", "{\"fhir\":\"{\\\"resourceType\\\":\\\"Patient\\\",\\\"gender\\\":\\\"x\\\"}\"}"
        .getBytes(StandardCharsets.UTF_8), java.util.List.of("doctor"));

    assertThatThrownBy(() -> copies.validated(task("r2", cid))).isInstanceOf(InvalidRecordException.class);
    assertThat(keyring.secretNames("doctor")).isEmpty();
  }

  private String intake(String diagnosis) throws Exception {
    Map<String, Object> form = new HashMap<>();
    form.put("form_patient", "Working Copy Patient");
    form.put("form_date", "2026-11-24");
    form.put("form_category", "general");
    form.put("form_age", 52);
    form.put("form_gender", "other");
    form.put("form_diagnosis", diagnosis);
    form.put("form_hospital", "St Mary");
    return records.seal("intake", RecordInputs.intakeOf(form), java.util.List.of("doctor"));
  }

  private static TaskInput task(String recordId, String intakeCid) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RecordVariables.DOCTOR_ID, "doctor");
    variables.put(RecordVariables.RECORD_ID, recordId);
    variables.put(RecordVariables.INTAKE_CID, intakeCid);
    return new TaskInput("record.validate", null, "pi-1", "ServiceTask_ValidateRecord", variables, null);
  }
}
