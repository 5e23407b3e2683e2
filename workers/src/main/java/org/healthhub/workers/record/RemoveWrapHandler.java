package org.healthhub.workers.record;

import java.util.Map;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code record.remove-wrap}: ends a share ({@code shareEndStatus}: EXPIRED or REVOKED). Dropping
 * the doctor's wrap is not enough: a doctor who read the record once could keep the wrap, or the
 * data key it opened, and read any copy sealed under that key. So the record is re-sealed under a
 * fresh data key for its patient (the Merkle root, hence the anchor, is unchanged), the doctors
 * whose shares are still active get a new copy wrapped under the new key, and every blob under the
 * old key is unpinned. Running it twice re-seals once.
 */
public final class RemoveWrapHandler implements TaskHandler {

  private final SealedRecords records;
  private final RecordIndex recordIndex;
  private final BlobStore store;
  private final ShareIndex shares;
  private final HandlerResults results;

  public RemoveWrapHandler(SealedRecords records, RecordIndex recordIndex, BlobStore store, ShareIndex shares,
      HandlerResults results) {
    this.records = records;
    this.recordIndex = recordIndex;
    this.store = store;
    this.shares = shares;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String shareId = task.requireString(ShareVariables.SHARE_ID);
    String endStatus = task.requireString("shareEndStatus");
    ShareIndex.Share ended = shares.find(shareId)
        .orElseThrow(() -> new IllegalStateException("no share " + shareId + " to end"));
    shares.put(ended.withStatus(endStatus));
    results.once(task.resultKey("rekey"), () -> {
      rekey(ended);
      return Map.of();
    });
    store.unpin(Cid.parse(ended.sharedRecordCid()));
    return TaskOutcome.complete(Map.of("wrapStatus", "REMOVED"));
  }

  /** Holds the record index's lock, as {@link WrapKeyHandler} does: a share granted meanwhile gets the new key. */
  private void rekey(ShareIndex.Share ended) throws Exception {
    synchronized (recordIndex) {
      rekeyLocked(ended);
    }
  }

  private void rekeyLocked(ShareIndex.Share ended) throws Exception {
    RecordIndex.Entry record = recordIndex.find(ended.recordId())
        .orElseThrow(() -> new IllegalStateException("no record " + ended.recordId() + " behind share " + ended.shareId()));
    String rotated = records.rotate(record.recordCid(), record.patientId());
    recordIndex.put(record.withRecordCid(rotated));
    for (ShareIndex.Share active : shares.where(share -> share.recordId().equals(record.recordId())
        && share.status().equals("ACTIVE"))) {
      String copy = records.share(rotated, record.patientId(), active.doctorId());
      shares.put(active.withSharedRecordCid(copy));
      store.unpin(Cid.parse(active.sharedRecordCid()));
    }
    store.unpin(Cid.parse(record.recordCid()));
  }
}
