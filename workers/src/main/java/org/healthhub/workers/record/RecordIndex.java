package org.healthhub.workers.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public facts of every stored record (who, where, which root, which transaction), one small
 * JSON file per record: what the REST API lists. Nothing in it is secret.
 */
public final class RecordIndex {

  /** One stored record; {@code recordCid} is the sealed record currently in force (shares change it). */
  public record Entry(String recordId, String patientId, String doctorId, String hospitalGroupId, String recordCid,
      String merkleRoot, String signatureCid, String anchorTxHash, String anchoredAt) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public RecordIndex(Path directory) {
    this.directory = directory;
  }

  public synchronized void put(Entry entry) throws IOException {
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, ".entry", ".tmp");
    JSON.writeValue(partial.toFile(), entry);
    Files.move(partial, fileOf(entry.recordId()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public Optional<Entry> find(String recordId) throws IOException {
    Path file = fileOf(recordId);
    return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Entry.class)) : Optional.empty();
  }

  public List<Entry> ofPatient(String patientId) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return entries;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Entry entry = JSON.readValue(file.toFile(), Entry.class);
        if (entry.patientId().equals(patientId)) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  private Path fileOf(String recordId) {
    if (!recordId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("not a record id: '" + recordId + "'");
    }
    return directory.resolve(recordId + ".json");
  }
}
