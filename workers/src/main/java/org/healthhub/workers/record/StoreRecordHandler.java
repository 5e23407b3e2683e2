package org.healthhub.workers.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code storage.put}: puts the sealed record staged by {@code record.encrypt} into the blob store
 * (pinned); a store that is down fails the task for a retry. The same bytes give the same CID, so
 * a second put stores nothing new. Once stored, the doctor's working copies go: the intake is
 * unpinned and the record's FHIR and secret leave the doctor's keyring (the patient holds them now).
 */
public final class StoreRecordHandler implements TaskHandler {

  private final SealedRecords records;
  private final WorkingCopies workingCopies;
  private final BlobStore store;
  private final Path staging;
  private final HandlerResults results;

  StoreRecordHandler(SealedRecords records, WorkingCopies workingCopies, BlobStore store, Path staging,
      HandlerResults results) {
    this.records = records;
    this.workingCopies = workingCopies;
    this.store = store;
    this.staging = staging;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    Path staged = EncryptRecordHandler.stagedFile(staging, task.requireString(RecordVariables.RECORD_ID));
    Map<String, Object> stored = results.once(task.resultKey("put"), () ->
        Map.of(RecordVariables.RECORD_CID, records.store(Files.readAllBytes(staged))));
    Files.deleteIfExists(staged);
    workingCopies.drop(task.requireString(RecordVariables.DOCTOR_ID), task.requireString(RecordVariables.RECORD_ID));
    store.unpin(Cid.parse(task.requireString(RecordVariables.INTAKE_CID)));
    return TaskOutcome.complete(stored);
  }
}
