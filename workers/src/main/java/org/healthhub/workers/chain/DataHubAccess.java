package org.healthhub.workers.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.healthhub.chain.ChainConfig;
import org.healthhub.chain.ChainConnection;
import org.healthhub.chain.ChainException;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.chain.TransactionObserver;
import org.healthhub.crypto.record.keystore.Secp256k1KeyPair;
import org.healthhub.workers.keys.Keyring;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;

/**
 * DataHub as each user: the user's chain key (secp256k1, from the user's keystore) signs, the
 * contract address comes from a file in the data directory (written when the local chain deploys
 * it) or from configuration. One connection per account, kept open.
 *
 * <p>After a chain-key rotation the user's new key signs what is new; a retired key still signs for
 * what its address owns on chain (a record anchored for it), see {@link #asAccount}.
 */
public final class DataHubAccess implements AutoCloseable {

  /** Anvil mines each transaction as it arrives, so the first ask finds the receipt: the interval is rarely slept. */
  public static final Duration DEFAULT_RECEIPT_POLL = Duration.ofMillis(100);
  private static final long RECEIPT_WAIT_SECONDS = 180;

  private final String rpcUrl;
  private final long chainId;
  private final Path addressFile;
  private final Keyring keyring;
  private final TransactionObserver observer;
  private final Duration receiptPoll;
  private final Map<String, ChainConnection> connections = new ConcurrentHashMap<>();
  // Deriving an account from its key is an elliptic-curve multiplication: once per key, not per call.
  private final Map<Secp256k1KeyPair, Credentials> accounts = Collections.synchronizedMap(new WeakHashMap<>());

  public DataHubAccess(String rpcUrl, long chainId, Path addressFile, Keyring keyring) {
    this(rpcUrl, chainId, addressFile, keyring, TransactionObserver.NONE, DEFAULT_RECEIPT_POLL);
  }

  /**
   * As above; {@code observer} sees every mined transaction (latency and gas for the meters), and
   * a sent transaction's receipt is asked for at once, then every {@code receiptPoll} for up to
   * {@value #RECEIPT_WAIT_SECONDS} s.
   */
  public DataHubAccess(String rpcUrl, long chainId, Path addressFile, Keyring keyring, TransactionObserver observer,
      Duration receiptPoll) {
    if (receiptPoll.isNegative() || receiptPoll.isZero()) {
      throw new IllegalArgumentException("the receipt poll interval must be positive, got " + receiptPoll);
    }
    this.rpcUrl = rpcUrl;
    this.chainId = chainId;
    this.addressFile = addressFile;
    this.keyring = keyring;
    this.observer = observer;
    this.receiptPoll = receiptPoll;
  }

  /** The user's current chain account, derived from the keystore's secp256k1 key. */
  public Credentials credentialsOf(String userId) throws IOException, GeneralSecurityException {
    return credentials(keyring.keysOf(userId).chain());
  }

  public String addressOf(String userId) throws IOException, GeneralSecurityException {
    return credentialsOf(userId).getAddress();
  }

  /** Every address the user has held: the current one first, then the retired ones, newest first. */
  public List<String> addressesOf(String userId) throws IOException, GeneralSecurityException {
    List<String> addresses = new ArrayList<>();
    for (Secp256k1KeyPair key : keyring.keysOf(userId).allChain()) {
      addresses.add(credentials(key).getAddress());
    }
    return addresses;
  }

  /**
   * DataHub, signing with whichever of the user's keys (current or retired) holds {@code address}.
   *
   * @throws java.util.NoSuchElementException if no key of the user's has that address
   */
  public DataHubGateway asAccount(String userId, String address)
      throws IOException, GeneralSecurityException, ChainException {
    for (Secp256k1KeyPair key : keyring.keysOf(userId).allChain()) {
      Credentials credentials = credentials(key);
      if (credentials.getAddress().equalsIgnoreCase(address)) {
        return gateway(connection(credentials));
      }
    }
    throw new java.util.NoSuchElementException(userId + " holds no chain key for " + address);
  }

  private Credentials credentials(Secp256k1KeyPair key) {
    return accounts.computeIfAbsent(key, DataHubAccess::derive);
  }

  private static Credentials derive(Secp256k1KeyPair key) {
    byte[] privateKey = key.privateKey().copySecret();
    try {
      return Credentials.create(ECKeyPair.create(privateKey));
    } finally {
      java.util.Arrays.fill(privateKey, (byte) 0);
    }
  }

  /** The DataHub address, once deployed or configured. */
  public Optional<String> dataHubAddress() throws IOException {
    if (!Files.exists(addressFile)) {
      return Optional.empty();
    }
    String address = Files.readString(addressFile, StandardCharsets.US_ASCII).trim();
    if (!WalletUtils.isValidAddress(address)) {
      throw new IOException(addressFile + " does not hold an address: " + address);
    }
    return Optional.of(address);
  }

  public void recordDataHubAddress(String address) throws IOException {
    Files.createDirectories(addressFile.toAbsolutePath().getParent());
    Path partial = Files.createTempFile(addressFile.toAbsolutePath().getParent(), ".datahub", ".tmp");
    Files.writeString(partial, address, StandardCharsets.US_ASCII);
    Files.move(partial, addressFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A connection signing as {@code userId} (for deployment and funding). */
  public ChainConnection connectionOf(String userId) throws IOException, GeneralSecurityException, ChainException {
    return connection(credentialsOf(userId));
  }

  private ChainConnection connection(Credentials credentials) throws IOException, ChainException {
    String account = credentials.getAddress();
    ChainConnection open = connections.get(account);
    if (open != null) {
      return open;
    }
    synchronized (this) {
      open = connections.get(account);
      if (open == null) {
        open = ChainConnection.open(new ChainConfig(rpcUrl, chainId, dataHubAddress(), receiptPoll.toMillis(),
            (int) Math.max(1, Duration.ofSeconds(RECEIPT_WAIT_SECONDS).toMillis() / receiptPoll.toMillis())), credentials,
            observer);
        connections.put(account, open);
      }
      return open;
    }
  }

  /**
   * DataHub, signing as {@code userId}.
   *
   * @throws ChainException when the node cannot be reached (technical: retry)
   * @throws IllegalStateException when DataHub is not deployed yet
   */
  public DataHubGateway as(String userId) throws IOException, GeneralSecurityException, ChainException {
    return gateway(connectionOf(userId));
  }

  private DataHubGateway gateway(ChainConnection connection) throws IOException {
    String address = dataHubAddress().orElseThrow(() ->
        new IllegalStateException("DataHub is not deployed: no address in " + addressFile));
    return new DataHubGateway(connection.web3j(), connection.sender(), address);
  }

  @Override
  public void close() {
    connections.values().forEach(ChainConnection::close);
    connections.clear();
  }
}
