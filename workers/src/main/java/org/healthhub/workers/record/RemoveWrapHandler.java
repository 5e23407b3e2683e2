package org.healthhub.workers.record;

import java.util.Map;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code record.remove-wrap}: ends a share in storage: the copy carrying the doctor's wrap is
 * unpinned and the share marked ended ({@code shareEndStatus}: EXPIRED or REVOKED). A doctor who
 * already unwrapped the key may have kept it; rotating the record's key is the remedy for that.
 * Running it twice changes nothing more.
 */
public final class RemoveWrapHandler implements TaskHandler {

  private final BlobStore store;
  private final ShareIndex shares;

  public RemoveWrapHandler(BlobStore store, ShareIndex shares) {
    this.store = store;
    this.shares = shares;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String shareId = task.requireString(ShareVariables.SHARE_ID);
    String endStatus = task.requireString("shareEndStatus");
    ShareIndex.Share share = shares.find(shareId)
        .orElseThrow(() -> new IllegalStateException("no share " + shareId + " to end"));
    store.unpin(Cid.parse(share.sharedRecordCid()));
    shares.put(share.withStatus(endStatus));
    return TaskOutcome.complete(Map.of("wrapStatus", "REMOVED"));
  }
}
