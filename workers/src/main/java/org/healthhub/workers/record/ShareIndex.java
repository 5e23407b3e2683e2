package org.healthhub.workers.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The public facts of every share (which record, who granted whom, until when, which sealed copy
 * carries the grantee's wrap, whether it is still in force), one small JSON file per share.
 */
public final class ShareIndex {

  /** One share; {@code status} is ACTIVE, EXPIRED or REVOKED. */
  public record Share(String shareId, String recordId, String patientId, String doctorId, String expiresAt,
      String sharedRecordCid, String status) {

    public Share withStatus(String newStatus) {
      return new Share(shareId, recordId, patientId, doctorId, expiresAt, sharedRecordCid, newStatus);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public ShareIndex(Path directory) {
    this.directory = directory;
  }

  public synchronized void put(Share share) throws IOException {
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, ".share", ".tmp");
    JSON.writeValue(partial.toFile(), share);
    Files.move(partial, fileOf(share.shareId()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public Optional<Share> find(String shareId) throws IOException {
    Path file = fileOf(shareId);
    return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Share.class)) : Optional.empty();
  }

  public List<Share> where(Predicate<Share> filter) throws IOException {
    List<Share> shares = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return shares;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Share share = JSON.readValue(file.toFile(), Share.class);
        if (filter.test(share)) {
          shares.add(share);
        }
      }
    }
    return shares;
  }

  private Path fileOf(String shareId) {
    if (!shareId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("not a share id: '" + shareId + "'");
    }
    return directory.resolve(shareId + ".json");
  }
}
