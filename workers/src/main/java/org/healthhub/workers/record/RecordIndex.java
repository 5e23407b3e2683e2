package org.healthhub.workers.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The public facts of every stored record (who, where, which root, which transaction), one small
 * JSON file per record: what the REST API lists. Nothing in it is secret.
 */
public final class RecordIndex {

  /** One stored record; {@code recordCid} is the sealed record for its patient. */
  public record Entry(String recordId, String patientId, String doctorId, String hospitalGroupId, String recordCid,
      String merkleRoot, String signatureCid, String anchorTxHash, String anchoredAt) {

    /**
     * The same record sealed anew (its data key rotated); the anchor on chain keeps naming the
     * first sealing's CID, the Merkle root it anchors is unchanged.
     */
    public Entry withRecordCid(String resealedCid) {
      return new Entry(recordId, patientId, doctorId, hospitalGroupId, resealedCid, merkleRoot, signatureCid,
          anchorTxHash, anchoredAt);
    }
  }

  private final JsonFileStore<Entry> entries;

  public RecordIndex(Path directory) {
    this.entries = new JsonFileStore<>(directory, Entry.class);
  }

  public void put(Entry entry) throws IOException {
    entries.put(entry.recordId(), entry);
  }

  public Optional<Entry> find(String recordId) throws IOException {
    return entries.find(recordId);
  }

  /** Every record a hospital group's doctors signed, in no particular order. */
  public List<Entry> ofGroup(String hospitalGroupId) throws IOException {
    return entries.where(entry -> entry.hospitalGroupId().equals(hospitalGroupId));
  }

  public List<Entry> ofPatient(String patientId) throws IOException {
    return entries.where(entry -> entry.patientId().equals(patientId));
  }
}
