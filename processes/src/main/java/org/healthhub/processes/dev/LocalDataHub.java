package org.healthhub.processes.dev;

import java.math.BigInteger;
import java.util.List;
import org.healthhub.chain.ChainConnection;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.TransactionSender;
import org.healthhub.chain.RevertDecoder;
import org.healthhub.workers.chain.DataHubAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * DataHub on the local chain: deployed at first start (owner {@code admin}, GM and RM the demo
 * managers' chain keys), its address kept in the data directory and reused while the chain still
 * holds its code; the demo hospital registered; the demo users funded from anvil's first dev
 * account. Every step checks first, so a second start sends nothing.
 */
final class LocalDataHub implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(LocalDataHub.class);
  // anvil's first dev account (mnemonic "test test ... junk"): public knowledge, holds only test ether.
  private static final String ANVIL_DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
  private static final List<String> FUNDED = List.of("admin", "hospital", "patient", "groupmanager", "revocationmanager", "buyer");
  private static final long DISPUTE_WINDOW_SECONDS = 3 * 24 * 3600;

  private final DataHubAccess access;
  private final LocalChain chain;

  LocalDataHub(DataHubAccess access, LocalChain chain) {
    this.access = access;
    this.chain = chain;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    ChainConnection admin = access.connectionOf("admin");
    TransactionSender faucet = new TransactionSender(admin.web3j(), Credentials.create(ANVIL_DEV_KEY),
        chain.chainId(), RevertDecoder.forDataHub(), 100, 600);
    for (String user : FUNDED) {
      String address = access.addressOf(user);
      BigInteger balance = admin.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
      if (balance.compareTo(ONE_ETHER) < 0) {
        faucet.send(address, "0x", ONE_ETHER.multiply(BigInteger.TEN));
      }
    }
    String gm = access.addressOf("groupmanager");
    String rm = access.addressOf("revocationmanager");
    if (!deployed(admin)) {
      String address = DataHubGateway.deploy(admin.web3j(), admin.sender(), gm, rm, DISPUTE_WINDOW_SECONDS);
      access.recordDataHubAddress(address);
      LOG.info("DataHub deployed at {}", address);
    }
    DataHubGateway dataHub = access.as("admin");
    dataHub.setManagers(gm, rm);
    dataHub.registerHospital(access.addressOf("hospital"));
    LOG.info("DataHub {}: hospital {}, group manager {}, revocation manager {}", dataHub.contractAddress(),
        access.addressOf("hospital"), gm, rm);
  }

  private boolean deployed(ChainConnection admin) throws Exception {
    var address = access.dataHubAddress();
    if (address.isEmpty()) {
      return false;
    }
    String code = admin.web3j().ethGetCode(address.get(), DefaultBlockParameterName.LATEST).send().getCode();
    if (code == null || code.equals("0x")) {
      LOG.warn("no contract at the recorded DataHub address {} (chain state lost?): deploying anew", address.get());
      return false;
    }
    return true;
  }
}
