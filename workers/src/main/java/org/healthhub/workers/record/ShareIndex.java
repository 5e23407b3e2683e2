package org.healthhub.workers.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The public facts of every share (which record, who granted whom, until when, which sealed copy
 * carries the grantee's wrap, whether it is still in force), one small JSON file per share.
 */
public final class ShareIndex {

  /** One share; {@code status} is ACTIVE, EXPIRED, REVOKED or REFUSED. */
  public record Share(String shareId, String recordId, String patientId, String doctorId, String expiresAt,
      String sharedRecordCid, String status) {

    public Share withStatus(String newStatus) {
      return new Share(shareId, recordId, patientId, doctorId, expiresAt, sharedRecordCid, newStatus);
    }

    /** The same share on a copy sealed under the record's rotated data key. */
    public Share withSharedRecordCid(String copyCid) {
      return new Share(shareId, recordId, patientId, doctorId, expiresAt, copyCid, status);
    }
  }

  private final JsonFileStore<Share> shares;

  public ShareIndex(Path directory) {
    this.shares = new JsonFileStore<>(directory, Share.class);
  }

  public void put(Share share) throws IOException {
    shares.put(share.shareId(), share);
  }

  /** @throws IllegalArgumentException if {@code shareId} is not a plain id */
  public Optional<Share> find(String shareId) throws IOException {
    return shares.find(shareId);
  }

  public List<Share> where(Predicate<Share> filter) throws IOException {
    return shares.where(filter);
  }
}
