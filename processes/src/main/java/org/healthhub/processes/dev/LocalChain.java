package org.healthhub.processes.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A local anvil chain that lives as long as the app, its state kept in
 * {@code <data-dir>/anvil-state.json} so a second start finds the same accounts and contracts.
 * {@link LocalDataHub} deploys DataHub on it.
 */
public final class LocalChain implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LocalChain.class);
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);

  private final LocalChainProperties properties;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private Process anvil;

  public LocalChain(LocalChainProperties properties, Path dataDir) {
    this.properties = properties;
    this.dataDir = dataDir;
  }

  public long chainId() {
    return properties.chainId();
  }

  public URI rpcUrl() {
    return URI.create("http://127.0.0.1:" + properties.port());
  }

  @Override
  public synchronized void start() {
    if (!Files.isExecutable(properties.anvil())) {
      throw new IllegalStateException("anvil not found at " + properties.anvil() + ": run ./healthhub setup");
    }
    try {
      Files.createDirectories(dataDir);
      anvil = new ProcessBuilder(properties.anvil().toString(),
          "--host", "127.0.0.1", "--port", Integer.toString(properties.port()),
          "--chain-id", Long.toString(properties.chainId()),
          "--state", dataDir.resolve("anvil-state.json").toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("anvil.log").toFile()))
          .start();
      awaitChainId();
    } catch (IOException e) {
      stop();
      throw new IllegalStateException("cannot start anvil: " + e.getMessage(), e);
    }
    LOG.info("local chain {} (chain id {}), state in {}", rpcUrl(), properties.chainId(), dataDir);
  }

  private void awaitChainId() throws IOException {
    HttpRequest chainId = HttpRequest.newBuilder(rpcUrl())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .build();
    String expected = "\"0x" + Long.toHexString(properties.chainId()) + "\"";
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!anvil.isAlive()) {
        throw new IOException("anvil exited with " + anvil.exitValue() + ", see " + dataDir.resolve("anvil.log")
            + " (port " + properties.port() + " taken?)");
      }
      try {
        String body = http.send(chainId, HttpResponse.BodyHandlers.ofString()).body();
        if (body.contains(expected)) {
          return;
        }
        throw new IOException("port " + properties.port() + " answers with another chain: " + body);
      } catch (java.net.ConnectException notYet) {
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for anvil", e);
      }
    }
    throw new IOException("anvil did not answer within " + STARTUP_LIMIT);
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for anvil", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (anvil == null) {
      return;
    }
    // SIGTERM lets anvil write its state file before it exits.
    anvil.destroy();
    try {
      if (!anvil.waitFor(10, TimeUnit.SECONDS)) {
        anvil.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      anvil.destroyForcibly();
    }
    anvil = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return anvil != null && anvil.isAlive();
  }

  @Override
  public int getPhase() {
    // Before the engine and the workers, which will send transactions to it.
    return Integer.MIN_VALUE + 100;
  }
}
