package org.healthhub.processes.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.junit.jupiter.api.io.TempDir;

/** DataHub on the real local anvil: deployed once, reused after a restart of the chain. */
class LocalDataHubTest {

  private static final Path ANVIL = Path.of(System.getProperty("healthhub.tools.dir", "../tools"))
      .resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

  @TempDir Path dataDir;

  private long adminNonce;

  @Test
  void run_firstAndSecondStart_deploysOnceRegistersHospitalAndManagers() throws Exception {
    Keyring keyring = TestKeyrings.of(dataDir.resolve("keystores"),
        "admin", "hospital", "patient", "groupmanager", "revocationmanager", "buyer");
    int port = freePort();
    LocalChainProperties properties = new LocalChainProperties(true, port, 84532, ANVIL);
    Path addressFile = dataDir.resolve("chain/datahub-address");

    String first = startAndSetUp(properties, keyring, addressFile);
    long adminTransactions = adminNonce;
    String second = startAndSetUp(properties, keyring, addressFile);

    assertThat(second).isEqualTo(first);
    assertThat(adminTransactions).as("deploy (managers set by the constructor), register the hospital").isEqualTo(2);
    assertThat(adminNonce).as("nothing sent on the second start").isEqualTo(adminTransactions);
    assertThat(Files.readString(addressFile)).isEqualTo(first);
  }

  private String startAndSetUp(LocalChainProperties properties, Keyring keyring, Path addressFile) throws Exception {
    LocalChain chain = new LocalChain(properties, dataDir);
    chain.start();
    try (DataHubAccess access = new DataHubAccess(chain.rpcUrl().toString(), 84532, addressFile, keyring)) {
      new LocalDataHub(access, chain).run(null);
      DataHubGateway dataHub = access.as("patient");
      assertThat(dataHub.isHospital(access.addressOf("hospital"))).isTrue();
      assertThat(dataHub.groupManager()).isEqualToIgnoringCase(access.addressOf("groupmanager"));
      assertThat(dataHub.revocationManager()).isEqualToIgnoringCase(access.addressOf("revocationmanager"));
      adminNonce = access.connectionOf("admin").web3j()
          .ethGetTransactionCount(access.addressOf("admin"), DefaultBlockParameterName.LATEST).send()
          .getTransactionCount().longValueExact();
      return dataHub.contractAddress();
    } finally {
      chain.stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
