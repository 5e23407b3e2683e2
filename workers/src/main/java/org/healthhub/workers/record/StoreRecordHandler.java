package org.healthhub.workers.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code storage.put}: puts the sealed record staged by {@code record.encrypt} into the blob store
 * (pinned); a store that is down fails the task for a retry. The same bytes give the same CID, so
 * a second put stores nothing new.
 */
public final class StoreRecordHandler implements TaskHandler {

  private final SealedRecords records;
  private final Path staging;
  private final HandlerResults results;

  public StoreRecordHandler(SealedRecords records, Path staging, HandlerResults results) {
    this.records = records;
    this.staging = staging;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    Path staged = EncryptRecordHandler.stagedFile(staging, task.requireString(RecordVariables.RECORD_ID));
    Map<String, Object> stored = results.once(task.resultKey("put"), () ->
        Map.of(RecordVariables.RECORD_CID, records.store(Files.readAllBytes(staged))));
    Files.deleteIfExists(staged);
    return TaskOutcome.complete(stored);
  }
}
