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

/** Public entries kept one JSON file per id, each written whole (temporary file, then rename). */
final class JsonFileStore<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final Class<T> type;

  JsonFileStore(Path directory, Class<T> type) {
    this.directory = directory;
    this.type = type;
  }

  synchronized void put(String id, T entry) throws IOException {
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, ".entry", ".tmp");
    JSON.writeValue(partial.toFile(), entry);
    Files.move(partial, fileOf(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** @throws IllegalArgumentException if {@code id} is not a plain id (letters, digits, dashes) */
  Optional<T> find(String id) throws IOException {
    Path file = fileOf(id);
    return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), type)) : Optional.empty();
  }

  List<T> where(Predicate<T> filter) throws IOException {
    List<T> entries = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return entries;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        T entry = JSON.readValue(file.toFile(), type);
        if (filter.test(entry)) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  private Path fileOf(String id) {
    if (!id.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("not an id: '" + id + "'");
    }
    return directory.resolve(id + ".json");
  }
}
