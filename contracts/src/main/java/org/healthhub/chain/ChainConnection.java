package org.healthhub.chain;

import java.io.IOException;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One account's connection to the configured chain: the node, the account's shared
 * {@link TransactionSender}, and gateways to DataHub. Open one per account and process, and share it.
 */
public final class ChainConnection implements AutoCloseable {
  private final ChainConfig config;
  private final Web3j web3j;
  private final TransactionSender sender;

  private ChainConnection(ChainConfig config, Web3j web3j, TransactionSender sender) {
    this.config = config;
    this.web3j = web3j;
    this.sender = sender;
  }

  /**
   * Connects and checks the node serves the configured chain id, so a key never signs for the wrong network.
   *
   * @throws ChainException when the node cannot be reached or reports another chain id
   */
  public static ChainConnection open(ChainConfig config, Credentials credentials) throws ChainException {
    Web3j web3j = Web3j.build(new HttpService(config.rpcUrl()));
    try {
      long nodeChainId = web3j.ethChainId().send().getChainId().longValueExact();
      if (nodeChainId != config.chainId()) {
        throw new ChainException("node at " + config.rpcUrl() + " serves chain " + nodeChainId + ", configured "
            + config.chainId());
      }
    } catch (IOException e) {
      web3j.shutdown();
      throw new ChainException("cannot reach " + config.rpcUrl(), e);
    } catch (ChainException e) {
      web3j.shutdown();
      throw e;
    }
    TransactionSender sender = new TransactionSender(web3j, credentials, config.chainId(), RevertDecoder.forDataHub(),
        config.receiptPollMillis(), config.receiptAttempts());
    return new ChainConnection(config, web3j, sender);
  }

  public Web3j web3j() {
    return web3j;
  }

  public TransactionSender sender() {
    return sender;
  }

  /** @throws IllegalStateException when no DataHub address is configured */
  public DataHubGateway gateway() {
    String address = config.dataHubAddress()
        .orElseThrow(() -> new IllegalStateException(ChainConfig.DATAHUB_ADDRESS + " is not set"));
    return new DataHubGateway(web3j, sender, address);
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
