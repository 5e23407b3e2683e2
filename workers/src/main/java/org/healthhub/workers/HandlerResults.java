package org.healthhub.workers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The results handlers have already produced, so a second delivery of a task returns the first
 * result instead of storing, signing or sending again. Results are output variables (public by
 * the {@link PublicVariables} guard), one small file per key.
 */
public final class HandlerResults {

  /** Work whose side effects must happen once per key. */
  @FunctionalInterface
  public interface Work {
    Map<String, Object> run() throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public HandlerResults(Path directory) {
    this.directory = directory;
  }

  /** Returns the result recorded under {@code key}, or runs {@code work} and records its result. */
  public Map<String, Object> once(String key, Work work) throws Exception {
    Optional<Map<String, Object>> earlier = find(key);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Map<String, Object> result = work.run();
    record(key, result);
    return result;
  }

  public Optional<Map<String, Object>> find(String key) throws IOException {
    Path file = fileOf(key);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {}));
  }

  public void record(String key, Map<String, Object> result) throws IOException {
    PublicVariables.check(result);
    Files.createDirectories(directory);
    Path file = fileOf(key);
    Path partial = Files.createTempFile(directory, "result", ".partial");
    JSON.writeValue(partial.toFile(), result);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path fileOf(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return directory.resolve(HexFormat.of().formatHex(digest) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
