package org.healthhub.processes.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Hands every stored blob to a scan. */
@FunctionalInterface
public interface BlobSource {

  @FunctionalInterface
  interface Visitor {
    void visit(String name, byte[] content);
  }

  void forEachBlob(Visitor visitor) throws IOException;

  /** This source without the files under the given top-level folders (names relative to a directory source). */
  default BlobSource excluding(String... folders) {
    List<String> skipped = List.of(folders);
    return visitor -> forEachBlob((name, content) -> {
      String top = name.split("[/\\\\]", 2)[0];
      if (!skipped.contains(top)) {
        visitor.visit(name, content);
      }
    });
  }

  /** Every file under a directory: the embedded store keeps each blob whole, one file per CID. */
  static BlobSource directory(Path root) {
    return visitor -> {
      if (!Files.isDirectory(root)) {
        throw new IOException("no blob directory " + root);
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          visitor.visit(root.relativize(file).toString(), Files.readAllBytes(file));
        }
      }
    };
  }

  /**
   * Every block an IPFS node holds (Kubo RPC {@code refs/local}, then {@code block/get}), pinned or
   * not. A blob under 256 KiB is one block; a secret straddling two chunks of a larger blob would
   * be missed (HealthHub's records and messages are far smaller).
   */
  static BlobSource ipfsNode(URI apiUrl) {
    return visitor -> {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      ObjectMapper json = new ObjectMapper();
      String refs = new String(post(http, apiUrl.resolve("/api/v0/refs/local")), StandardCharsets.UTF_8);
      List<String> cids = refs.lines().filter(line -> !line.isBlank()).map(line -> {
        try {
          JsonNode ref = json.readTree(line);
          return ref.path("Ref").asText();
        } catch (IOException e) {
          throw new IllegalStateException("refs/local answered a line that is not JSON: " + line, e);
        }
      }).filter(cid -> !cid.isEmpty()).toList();
      if (cids.isEmpty()) {
        throw new IOException("the node at " + apiUrl + " lists no local blocks: nothing would be scanned");
      }
      for (String cid : cids) {
        visitor.visit(cid, post(http, apiUrl.resolve("/api/v0/block/get?arg=" + cid + "&timeout=10s")));
      }
    };
  }

  private static byte[] post(HttpClient http, URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(uri.getPath() + " answered " + response.statusCode() + ": "
            + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + uri.getPath(), e);
    }
  }
}
