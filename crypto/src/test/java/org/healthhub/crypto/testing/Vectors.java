package org.healthhub.crypto.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Reads the shared pygroupsig vectors from {@code ${healthhub.vectors.dir}/pygroupsig/<name>.json}. */
public final class Vectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {}

  /** The whole file as a tree, e.g. {@code pygroupsig("mcl")}. */
  public static JsonNode pygroupsig(String name) {
    Path file = directory().resolve("pygroupsig").resolve(name + ".json");
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vector file " + file, e);
    }
  }

  /** The bytes of a lowercase hex text field. */
  public static byte[] hex(JsonNode node) {
    return HexFormat.of().parseHex(node.asText());
  }

  private static Path directory() {
    String dir = System.getProperty("healthhub.vectors.dir");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      throw new IllegalStateException(
          "system property healthhub.vectors.dir must name the shared vectors folder, got " + dir);
    }
    return Path.of(dir);
  }
}
