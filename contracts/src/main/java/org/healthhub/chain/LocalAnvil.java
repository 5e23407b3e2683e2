package org.healthhub.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * A throwaway local chain: the pinned anvil binary on a free port, with Base Sepolia's chain id. Its
 * funded dev accounts are read from anvil's own config output, never from this code.
 */
public final class LocalAnvil implements AutoCloseable {
  public static final long CHAIN_ID = 84532;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Path workDir;
  private final String rpcUrl;
  private final HttpService http;
  private final Web3j web3j;
  private final List<Credentials> accounts;

  private LocalAnvil(Process process, Path workDir, String rpcUrl, List<Credentials> accounts) {
    this.process = process;
    this.workDir = workDir;
    this.rpcUrl = rpcUrl;
    this.http = new HttpService(rpcUrl);
    this.web3j = Web3j.build(http);
    this.accounts = accounts;
  }

  /**
   * Starts anvil from {@code toolsDir/node_modules} and waits until it answers.
   *
   * @throws IOException when the binary is missing or anvil does not come up in time
   */
  public static LocalAnvil start(Path toolsDir) throws IOException {
    Path binary = toolsDir.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    if (!Files.isExecutable(binary)) {
      throw new IOException("anvil not found at " + binary + ": run ./healthhub setup");
    }
    Path workDir = Files.createTempDirectory("anvil");
    Path config = workDir.resolve("accounts.json");
    int port = freePort();
    Process process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--chain-id", Long.toString(CHAIN_ID), "--accounts", "12", "--config-out", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("anvil.log").toFile())
        .start();
    try {
      awaitConfig(process, config);
      List<Credentials> accounts = new ArrayList<>();
      JsonNode keys = new ObjectMapper().readTree(config.toFile()).get("private_keys");
      keys.forEach(key -> accounts.add(Credentials.create(key.asText())));
      LocalAnvil anvil = new LocalAnvil(process, workDir, "http://127.0.0.1:" + port, List.copyOf(accounts));
      anvil.awaitRpc();
      return anvil;
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  public Web3j web3j() {
    return web3j;
  }

  /** anvil's funded dev accounts (10,000 ETH each); throwaway keys that exist only for this process. */
  public List<Credentials> accounts() {
    return accounts;
  }

  /** Moves the chain's clock forward and mines a block, so deadlines can pass without waiting. */
  public void advanceTime(long seconds) throws IOException {
    new Request<>("evm_increaseTime", List.of(seconds), http, VoidResponse.class).send();
    new Request<>("evm_mine", List.of(), http, VoidResponse.class).send();
  }

  /** Sets an account's balance, for amounts beyond the dev accounts' 10,000 ETH. */
  public void setBalance(String account, java.math.BigInteger wei) throws IOException {
    new Request<>("anvil_setBalance", List.of(account, org.web3j.utils.Numeric.toHexStringWithPrefix(wei)), http,
        VoidResponse.class).send();
  }

  /** The latest block's timestamp, the clock the contract's deadlines use. */
  public long now() throws IOException {
    return web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send()
        .getBlock().getTimestamp().longValueExact();
  }

  @Override
  public void close() {
    web3j.shutdown();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp directory is harmless; the chain itself is gone.
    }
  }

  private static void awaitConfig(Process process, Path config) throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (!Files.exists(config) || Files.size(config) == 0 || !Files.readString(config).trim().endsWith("}")) {
      if (!process.isAlive()) {
        throw new IOException("anvil exited with " + process.exitValue() + " before writing its accounts");
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("anvil did not write its accounts within " + STARTUP_TIMEOUT);
      }
      sleep();
    }
  }

  private void awaitRpc() throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (true) {
      try {
        web3j.ethChainId().send();
        return;
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("anvil did not answer on " + rpcUrl, e);
        }
        sleep();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for anvil", e);
    }
  }
}
