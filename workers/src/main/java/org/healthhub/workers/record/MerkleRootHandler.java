package org.healthhub.workers.record;

import java.util.Map;
import java.util.Optional;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.keys.Keyring;

/**
 * {@code record.merkle}: builds the salted Merkle tree of the validated record. The record secret
 * (from which every leaf salt derives) is drawn once per record and kept in the doctor's keyring
 * until {@code record.encrypt} seals it with the record for the patient; so is the FHIR JSON the
 * tree covers. {@code storage.put} deletes both once the sealed record is stored.
 */
public final class MerkleRootHandler implements TaskHandler {

  private final SealedRecords records;
  private final Keyring keyring;
  private final HandlerResults results;

  public MerkleRootHandler(SealedRecords records, Keyring keyring, HandlerResults results) {
    this.records = records;
    this.keyring = keyring;
    this.results = results;
  }

  /** The names of the working copies a record's author keeps until the record is stored. */
  static java.util.List<String> workingCopies(String recordId) {
    return java.util.List.of(secretName(recordId), fhirName(recordId));
  }

  private static String secretName(String recordId) {
    return "record." + recordId + ".secret";
  }

  private static String fhirName(String recordId) {
    return "record." + recordId + ".fhir";
  }

  /** The secret of a record, drawn on first use and kept by its author. */
  static SecretBytes recordSecret(Keyring keyring, String doctorId, String recordId) throws Exception {
    String name = secretName(recordId);
    Optional<byte[]> secret = keyring.readSecret(doctorId, name);
    if (secret.isPresent()) {
      return SecretBytes.copyOf(secret.get());
    }
    SecretBytes fresh = SecretBytes.random(32);
    keyring.writeSecret(doctorId, name, fresh.copySecret());
    return fresh;
  }

  /**
   * The record's FHIR JSON as the tree was built over it: converted from the intake once (a form's
   * conversion draws fresh resource ids) and kept, sealed, in the doctor's keyring.
   */
  static String fhirOf(SealedRecords records, Keyring keyring, TaskInput task) throws Exception {
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    String name = fhirName(task.requireString(RecordVariables.RECORD_ID));
    Optional<byte[]> kept = keyring.readSecret(doctorId, name);
    if (kept.isPresent()) {
      return new String(kept.get(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String fhir = RecordInputs.fhirOf(records.open(task.requireString(RecordVariables.INTAKE_CID), doctorId));
    keyring.writeSecret(doctorId, name, fhir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return fhir;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    String recordId = task.requireString(RecordVariables.RECORD_ID);
    return TaskOutcome.complete(results.once(task.resultKey("merkle"), () -> {
      String fhir = fhirOf(records, keyring, task);
      ProtectedRecord record = ProtectedRecord.of(fhir, recordSecret(keyring, doctorId, recordId));
      return Map.of(RecordVariables.MERKLE_ROOT, RecordVariables.hex(record.root()));
    }));
  }
}
