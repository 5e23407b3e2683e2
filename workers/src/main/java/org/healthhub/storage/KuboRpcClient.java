package org.healthhub.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A client of the Kubo RPC API (also served by js-ipfs) on java.net.http: {@code add}, {@code cat},
 * {@code pin/add}, {@code pin/rm}, {@code pin/ls}, {@code files/stat}, {@code version}. Every call
 * has a connect timeout and a read timeout (no call waits forever, even for a CID no node has).
 * Calls are retried with exponential backoff only when the connection fails, and an upload only
 * when not a byte of it was sent yet.
 */
public final class KuboRpcClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI apiUrl;
  private final HttpClient http;
  private final RpcCalls calls;

  private KuboRpcClient(URI apiUrl, Duration connectTimeout, Duration readTimeout, int maxAttempts,
      Duration initialBackoff) {
    this.apiUrl = apiUrl;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
    this.calls = new RpcCalls(http, readTimeout, maxAttempts, initialBackoff);
  }

  /** Starts a client of the node whose RPC API listens at {@code apiUrl}, e.g. http://127.0.0.1:5001. */
  public static Builder builder(URI apiUrl) {
    return new Builder(apiUrl);
  }

  /** The node's version string; a cheap liveness check. */
  public String version() throws StorageException {
    return json("version", Map.of()).path("Version").asText();
  }

  /**
   * Adds and pins the stream's bytes with Kubo's defaults made explicit (CIDv0, sha2-256,
   * chunker size-262144, balanced layout, no raw leaves), streaming them as multipart.
   *
   * @throws StoreUnavailableException if the connection broke (the node saw a partial upload;
   *     retry with the stream from its start)
   */
  public AddResult add(InputStream content) throws StorageException {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("cid-version", "0");
    args.put("hash", "sha2-256");
    args.put("chunker", "size-" + UnixFsFile.CHUNK_SIZE);
    args.put("raw-leaves", "false");
    args.put("trickle", "false");
    args.put("pin", "true");
    // Progress lines keep the answer moving while a large blob is imported, so the read timeout
    // measures a stalled node, not a big upload.
    args.put("progress", "true");
    String boundary = "healthhub-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"blob\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    UploadProgress upload = new UploadProgress(content);
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() ->
        new SequenceInputStream(Collections.enumeration(List.of(
            new ByteArrayInputStream(head), upload, new ByteArrayInputStream(tail)))));
    JsonNode added = null;
    try (InputStream response = calls.send(request("add", args)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(body), upload, describe("add"))) {
      // hasNextValue, unlike hasNext, lets a timeout out as itself rather than wrapped.
      for (var lines = JSON.readerFor(JsonNode.class).<JsonNode>readValues(response); lines.hasNextValue(); ) {
        JsonNode line = lines.nextValue();
        if (line.hasNonNull("Hash")) {
          added = line;
        }
      }
    } catch (StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new StorageException(describe("add") + " answered unreadable JSON: " + e.getMessage(), e);
    }
    if (added == null) {
      throw new StorageException(describe("add") + " answered without a Hash");
    }
    return new AddResult(Cid.parse(added.get("Hash").asText()), sizeOf(added.path("Size")));
  }

  /**
   * Streams a blob's bytes. A CID the node does not find within the read timeout ends in
   * {@link StoreTimeoutException}, before or during the stream.
   */
  public InputStream cat(Cid cid) throws StorageException {
    return calls.send(request("cat", withTimeout(Map.of("arg", cid.toString()))).POST(
        HttpRequest.BodyPublishers.noBody()), null, describe("cat " + cid));
  }

  /** Pins a blob recursively (fetching it if the node lacks it, up to the read timeout). */
  public void pinAdd(Cid cid) throws StorageException {
    json("pin/add", withTimeout(Map.of("arg", cid.toString(), "recursive", "true")));
  }

  /** Removes a recursive pin; a blob not pinned is left as it is. */
  public void pinRm(Cid cid) throws StorageException {
    try {
      json("pin/rm", withTimeout(Map.of("arg", cid.toString(), "recursive", "true")));
    } catch (RpcErrorException e) {
      if (!e.rpcMessage().contains("not pinned")) {
        throw e;
      }
    }
  }

  /** Whether the node holds a recursive pin on the blob. */
  public boolean isPinned(Cid cid) throws StorageException {
    try {
      return json("pin/ls", withTimeout(Map.of("arg", cid.toString(), "type", "recursive")))
          .path("Keys").has(cid.toString());
    } catch (RpcErrorException e) {
      if (e.rpcMessage().contains("not pinned")) {
        return false;
      }
      throw e;
    }
  }

  /** The content size of a file blob ({@code files/stat}). */
  public long fileSize(Cid cid) throws StorageException {
    return sizeOf(json("files/stat", withTimeout(Map.of("arg", "/ipfs/" + cid))).path("Size"));
  }

  URI apiUrl() {
    return apiUrl;
  }

  private JsonNode json(String command, Map<String, String> args) throws StorageException {
    try (InputStream response = calls.send(request(command, args)
        .POST(HttpRequest.BodyPublishers.noBody()), null, describe(command))) {
      return JSON.readTree(response);
    } catch (StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new StorageException(describe(command) + " answered unreadable JSON: " + e.getMessage(), e);
    }
  }

  private Map<String, String> withTimeout(Map<String, String> args) {
    Map<String, String> withTimeout = new LinkedHashMap<>(args);
    withTimeout.put("timeout", calls.readTimeout().toMillis() + "ms");
    return withTimeout;
  }

  private HttpRequest.Builder request(String command, Map<String, String> args) {
    String query = args.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(apiUrl.resolve("/api/v0/" + command + (query.isEmpty() ? "" : "?" + query)));
  }

  private String describe(String command) {
    return "IPFS node at " + apiUrl + " (" + command + ")";
  }

  /** Kubo prints Size as a string, js-ipfs as a number: both are read. */
  static long sizeOf(JsonNode size) throws StorageException {
    if (size.isIntegralNumber()) {
      return size.asLong();
    }
    try {
      return Long.parseLong(size.asText());
    } catch (NumberFormatException e) {
      throw new StorageException("the node answered a Size that is not a number: " + size);
    }
  }

  /**
   * What {@code add} answered.
   *
   * @param cid the root CID
   * @param dagSize the DAG's size in bytes (content plus dag-pb overhead), as the node reports it
   */
  public record AddResult(Cid cid, long dagSize) {}

  /** Options of a {@link KuboRpcClient}; the defaults suit a node on the same host. */
  public static final class Builder {
    private final URI apiUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);

    private Builder(URI apiUrl) {
      if (apiUrl == null || !("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))) {
        throw new IllegalArgumentException("the IPFS API URL must be http(s), got " + apiUrl);
      }
      this.apiUrl = apiUrl;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The longest wait for the node's next bytes, and the {@code timeout} the node is given. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Attempts per call when the connection fails, 1 to 20 (1: no retry). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 20, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** The wait before the first retry; each further retry waits twice as long. */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = positive(backoff, "initialBackoff");
      return this;
    }

    public KuboRpcClient build() {
      return new KuboRpcClient(apiUrl, connectTimeout, readTimeout, maxAttempts, initialBackoff);
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
