package org.healthhub.workers.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public facts of every stored record (who, where, which root, which transaction), one small
 * JSON file per record: what the REST API lists. Nothing in it is secret. Beside the entries, in
 * {@code categories/}, the hospital keeps each record's clinical category for matching purchases:
 * medical data of its own, never listed and never a process variable.
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

  /** A record's category, normalized by {@link RecordCategory#normalized}. */
  record Category(String recordId, String category) {}

  private final JsonFileStore<Entry> entries;
  private final JsonFileStore<Category> categories;

  public RecordIndex(Path directory) {
    this.entries = new JsonFileStore<>(directory, Entry.class);
    this.categories = new JsonFileStore<>(directory.resolve("categories"), Category.class);
  }

  /** Notes the clinical category of a record (stored or about to be); compared case-insensitively. */
  public void putCategory(String recordId, String category) throws IOException {
    categories.put(recordId, new Category(recordId, RecordCategory.normalized(category)));
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

  /**
   * The group's records of {@code category} (case-insensitive). A record whose category was never
   * noted (indexed before categories were kept, or FHIR naming none) matches no category.
   */
  public List<Entry> ofGroupInCategory(String hospitalGroupId, String category) throws IOException {
    String wanted = RecordCategory.normalized(category);
    List<Entry> matching = new ArrayList<>();
    for (Entry entry : ofGroup(hospitalGroupId)) {
      if (categories.find(entry.recordId()).map(Category::category).filter(wanted::equals).isPresent()) {
        matching.add(entry);
      }
    }
    return matching;
  }

  public List<Entry> ofPatient(String patientId) throws IOException {
    return entries.where(entry -> entry.patientId().equals(patientId));
  }
}
