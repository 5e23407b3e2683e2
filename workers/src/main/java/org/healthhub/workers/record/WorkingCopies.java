package org.healthhub.workers.record;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.fhir.ValidatedRecord;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.keys.Keyring;

/**
 * What a record's author keeps from {@code record.validate} until {@code storage.put}: the
 * validated FHIR the Merkle tree covers (a form's conversion draws fresh resource ids, so it is
 * converted once) and the record secret every leaf salt derives from. Both are kept sealed in the
 * author's keyring, so another worker of the party, or this one after a restart, carries the flow
 * on. The validated record is also kept in this worker's memory: the steps after
 * {@code record.validate} use it as validated there, and validate only a copy they had to read
 * back from the keyring (only the validator makes a {@link ValidatedRecord}).
 */
final class WorkingCopies {

  /** Records between validation and storage; one dropped from memory is read back from the keyring. */
  private static final int MAX_IN_MEMORY = 256;

  private final SealedRecords records;
  private final Keyring keyring;
  private final Map<String, ValidatedRecord> inMemory = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ValidatedRecord> eldest) {
      return size() > MAX_IN_MEMORY;
    }
  };

  WorkingCopies(SealedRecords records, Keyring keyring) {
    this.records = records;
    this.keyring = keyring;
  }

  /**
   * The task's record, validated: converted from the sealed intake and validated the first time,
   * then kept.
   *
   * @throws org.healthhub.crypto.record.fhir.InvalidRecordException if the record is not valid
   */
  ValidatedRecord validated(TaskInput task) throws Exception {
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    String recordId = task.requireString(RecordVariables.RECORD_ID);
    String key = doctorId + "/" + recordId;
    synchronized (inMemory) {
      ValidatedRecord known = inMemory.get(key);
      if (known != null) {
        return known;
      }
    }
    ValidatedRecord record;
    Optional<byte[]> kept = keyring.readSecret(doctorId, fhirName(recordId));
    if (kept.isPresent()) {
      record = FhirRecords.validate(new String(kept.get(), StandardCharsets.UTF_8));
    } else {
      record = RecordInputs.fhirOf(records.open(task.requireString(RecordVariables.INTAKE_CID), doctorId));
      keyring.writeSecret(doctorId, fhirName(recordId), record.json().getBytes(StandardCharsets.UTF_8));
    }
    synchronized (inMemory) {
      inMemory.put(key, record);
    }
    return record;
  }

  /** The secret of a record, drawn on first use and kept by its author. */
  SecretBytes recordSecret(String doctorId, String recordId) throws Exception {
    String name = secretName(recordId);
    Optional<byte[]> secret = keyring.readSecret(doctorId, name);
    if (secret.isPresent()) {
      return SecretBytes.copyOf(secret.get());
    }
    SecretBytes fresh = SecretBytes.random(32);
    keyring.writeSecret(doctorId, name, fresh.copySecret());
    return fresh;
  }

  /** Forgets the record's working copies once its patient holds the sealed record. */
  void drop(String doctorId, String recordId) throws Exception {
    synchronized (inMemory) {
      inMemory.remove(doctorId + "/" + recordId);
    }
    for (String name : List.of(secretName(recordId), fhirName(recordId))) {
      keyring.deleteSecret(doctorId, name);
    }
  }

  private static String secretName(String recordId) {
    return "record." + recordId + ".secret";
  }

  private static String fhirName(String recordId) {
    return "record." + recordId + ".fhir";
  }
}
