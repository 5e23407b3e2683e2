package org.healthhub.processes.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.HealthHubProcessesApplication;

/**
 * One engine node of a cluster: the engine app in a JVM of its own (so it can be killed, not
 * merely closed) on the postgres profile, with its in-process workers locking under the node's
 * name, and a small client of its REST API.
 */
final class EngineNode implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(3);

  final String name;
  private final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();
  /** The tests drive the cluster as the admin: it may start flows on behalf of the doctors. */
  private static final String ADMIN = "Basic " + Base64.getEncoder()
      .encodeToString(("admin:" + EngineApp.passwordOf("admin")).getBytes(StandardCharsets.UTF_8));

  private EngineNode(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a node and waits until it answers; {@code lockDuration} is how long a task it locked
   * stays locked if it dies; its in-process workers serve {@code topics}, and with none it is an
   * engine-only node (REST, job executor, no workers).
   */
  static EngineNode start(String name, PostgresExtension postgres, Path dataDir, Duration lockDuration,
      String... topics) throws IOException, InterruptedException {
    return start(name, postgres, dataDir, lockDuration, List.of(), topics);
  }

  /** As above with more app arguments ({@code --key=value}). */
  static EngineNode start(String name, PostgresExtension postgres, Path dataDir, Duration lockDuration,
      List<String> arguments, String... topics) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-cp", testClassPath(), HealthHubProcessesApplication.class.getName(),
        "--spring.profiles.active=test,postgres",
        "--server.port=" + port,
        "--healthhub.data-dir=" + dataDir,
        "--healthhub.workers.worker-id=" + name,
        "--healthhub.workers.lock-duration=" + lockDuration.toMillis() + "ms",
        topics.length == 0 ? "--healthhub.workers.in-process=false" : "--healthhub.workers.topics=" + String.join(",", topics),
        "--logging.level.root=WARN"));
    command.addAll(arguments);
    for (String run : EnrolDoctorClusterFlow.RUNS) {
      for (int i = 0; i < EnrolDoctorClusterFlow.MAX_DOCTORS; i++) {
        command.add("--healthhub.keystores.passphrases." + run + "-doctor-" + i + "=" + EnrolDoctorClusterFlow.DOCTOR_PASSPHRASE);
      }
    }
    // Logs outlive the test's temporary data dir, for a failed CI run.
    Path log = Files.createDirectories(Path.of("target", "cluster-logs")).resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HEALTHHUB_DB_URL", postgres.jdbcUrl());
    builder.environment().put("HEALTHHUB_DB_USER", postgres.user());
    builder.environment().put("HEALTHHUB_DB_PASSWORD", postgres.password());
    EngineNode node = new EngineNode(name, port, builder.start());
    node.awaitReady(log);
    return node;
  }

  String restUrl() {
    return uri("/engine-rest").toString();
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return parse(path, response);
  }

  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json").header("Authorization", ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    return parse(path, http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** SIGKILL: no shutdown hook, no graceful stop of the workers, locks left as they are. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private void awaitReady(Path log) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited while starting; see " + log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("node " + name + " did not become ready within " + STARTUP_PATIENCE + "; see " + log);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static JsonNode parse(String path, HttpResponse<String> response) throws IOException {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static String testClassPath() {
    // Surefire runs tests from a manifest-only jar; this property holds the real test classpath.
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return name + " on port " + port;
  }
}
