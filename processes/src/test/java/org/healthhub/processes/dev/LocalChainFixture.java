package org.healthhub.processes.dev;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import java.nio.file.Path;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.keys.Keyring;

/** The embedded default's chain for tests: the pinned anvil on a free port, DataHub deployed by {@link LocalDataHub}. */
public final class LocalChainFixture {

  private static final Path ANVIL = Path.of(System.getProperty("healthhub.tools.dir", "../tools"))
      .resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

  private final LocalChain chain;
  private final DataHubAccess access;

  private LocalChainFixture(LocalChain chain, DataHubAccess access) {
    this.chain = chain;
    this.access = access;
  }

  /** Starts anvil with its state under {@code dataDir} and sets DataHub up as the app does at first start. */
  public static LocalChainFixture start(Path dataDir, Keyring keyring) throws Exception {
    LocalChain chain = new LocalChain(new LocalChainProperties(true, freePort(), 84532, ANVIL), dataDir);
    chain.start();
    DataHubAccess access = new DataHubAccess(chain.rpcUrl().toString(), 84532, dataDir.resolve("chain/datahub-address"),
        keyring);
    try {
      new LocalDataHub(access, chain).run(null);
    } catch (Exception e) {
      chain.stop();
      throw e;
    }
    return new LocalChainFixture(chain, access);
  }

  public DataHubAccess access() {
    return access;
  }

  /** Moves the chain's clock forward and mines a block, so a contract deadline passes without waiting. */
  public void advanceTime(long seconds) throws IOException {
    HttpService http = new HttpService(chain.rpcUrl().toString());
    new Request<>("evm_increaseTime", List.of(seconds), http, VoidResponse.class).send();
    new Request<>("evm_mine", List.of(), http, VoidResponse.class).send();
  }

  public void stop() {
    chain.stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
