package org.healthhub.chain;

import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/**
 * Where the chain is and how patiently to poll it, read from the environment. The signing key is read
 * separately ({@link #credentials}) and never kept in this record, so it cannot end up in a log line.
 */
public record ChainConfig(String rpcUrl, long chainId, Optional<String> dataHubAddress, long receiptPollMillis,
    int receiptAttempts) {
  public static final String RPC_URL = "HEALTHHUB_CHAIN_RPC_URL";
  public static final String CHAIN_ID = "HEALTHHUB_CHAIN_ID";
  public static final String DATAHUB_ADDRESS = "HEALTHHUB_DATAHUB_ADDRESS";
  public static final String PRIVATE_KEY = "HEALTHHUB_CHAIN_PRIVATE_KEY";
  public static final String RECEIPT_POLL_MILLIS = "HEALTHHUB_CHAIN_RECEIPT_POLL_MILLIS";
  /** Base Sepolia. */
  public static final long DEFAULT_CHAIN_ID = 84532;
  private static final long DEFAULT_POLL_MILLIS = 1_000;
  private static final long RECEIPT_WAIT_MILLIS = 180_000;

  /**
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static ChainConfig fromEnvironment(Map<String, String> env) {
    String rpcUrl = env.get(RPC_URL);
    if (rpcUrl == null || rpcUrl.isBlank()) {
      throw new IllegalArgumentException(RPC_URL + " is not set");
    }
    long chainId = parseLong(env, CHAIN_ID, DEFAULT_CHAIN_ID);
    long poll = parseLong(env, RECEIPT_POLL_MILLIS, DEFAULT_POLL_MILLIS);
    if (poll <= 0) {
      throw new IllegalArgumentException(RECEIPT_POLL_MILLIS + " must be positive, got " + poll);
    }
    Optional<String> address = Optional.ofNullable(env.get(DATAHUB_ADDRESS)).filter(a -> !a.isBlank());
    address.ifPresent(a -> {
      if (!WalletUtils.isValidAddress(a)) {
        throw new IllegalArgumentException(DATAHUB_ADDRESS + " is not a 20-byte hex address: " + a);
      }
    });
    return new ChainConfig(rpcUrl, chainId, address, poll, (int) Math.max(1, RECEIPT_WAIT_MILLIS / poll));
  }

  /**
   * The signing key from {@value #PRIVATE_KEY}.
   *
   * @throws IllegalArgumentException when it is missing or not a 32-byte hex key (the message never shows it)
   */
  public static Credentials credentials(Map<String, String> env) {
    String key = env.get(PRIVATE_KEY);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(PRIVATE_KEY + " is not set");
    }
    if (!WalletUtils.isValidPrivateKey(key.trim())) {
      throw new IllegalArgumentException(PRIVATE_KEY + " is not a 32-byte hex private key");
    }
    return Credentials.create(key.trim());
  }

  private static long parseLong(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + value, e);
    }
  }
}
