package org.healthhub.workers.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code record.encrypt}: seals the record for the patient (fresh data key, wrapped to the
 * patient's X25519 key): the FHIR JSON, its record secret and its group signature, so that the
 * patient alone can later disclose fields with proofs. The sealed bytes wait in a staging file
 * (ciphertext only) for {@code storage.put}. The record's category goes into the hospital's
 * {@link RecordIndex} (see {@link RecordCategory}), which purchases are matched against.
 */
public final class EncryptRecordHandler implements TaskHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SealedRecords records;
  private final WorkingCopies workingCopies;
  private final BlobStore store;
  private final Path staging;
  private final RecordIndex index;
  private final HandlerResults results;

  EncryptRecordHandler(SealedRecords records, WorkingCopies workingCopies, BlobStore store, Path staging, RecordIndex index,
      HandlerResults results) {
    this.records = records;
    this.workingCopies = workingCopies;
    this.store = store;
    this.staging = staging;
    this.index = index;
    this.results = results;
  }

  static Path stagedFile(Path staging, String recordId) {
    return staging.resolve(recordId.replaceAll("[^A-Za-z0-9-]", "_") + ".sealed");
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String recordId = task.requireString(RecordVariables.RECORD_ID);
    String doctorId = task.requireString(RecordVariables.DOCTOR_ID);
    String patientId = task.requireString(RecordVariables.PATIENT_ID);
    return TaskOutcome.complete(results.once(task.resultKey("encrypt"), () -> {
      String fhir = workingCopies.validated(task).json();
      Optional<String> category = RecordCategory.of(fhir);
      if (category.isPresent()) {
        index.putCategory(recordId, category.get());
      }
      String signature;
      try (InputStream in = store.get(Cid.parse(task.requireString(RecordVariables.SIGNATURE_CID)))) {
        signature = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
      ObjectNode payload = JSON.createObjectNode()
          .put("recordId", recordId)
          .put("fhir", fhir)
          .put("recordSecret", Base64.getEncoder().encodeToString(
              workingCopies.recordSecret(doctorId, recordId).copySecret()))
          .put("groupId", task.requireString(RecordVariables.GROUP_ID))
          .put("signature", signature);
      byte[] sealed = records.sealToBytes(recordId, JSON.writeValueAsBytes(payload), List.of(patientId));
      Files.createDirectories(staging);
      Path partial = Files.createTempFile(staging, ".record", ".tmp");
      Files.write(partial, sealed);
      Files.move(partial, stagedFile(staging, recordId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Map.of("encryptionStatus", "SEALED");
    }));
  }
}
