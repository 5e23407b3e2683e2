package org.healthhub.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Signs and sends EIP-1559 transactions for one account. Create ONE per account and share it between
 * threads: nonces are taken and the transaction handed to the node under one lock, so concurrent
 * workers never reuse or skip a nonce; receipts are awaited outside the lock.
 *
 * <p>The next nonce is kept here and the account's pending count read only on the first send and
 * after the node refuses a nonce. Another sender on the same account is caught by that refusal;
 * where transactions wait in a pool (not anvil, which mines at once), a stale nonce can meet the
 * other sender's pending transaction, which the node refuses as underpriced unless both our tip and
 * fee cap are at least 10 % higher: then it replaces it, and the other sender gets a
 * {@link ChainException} for the missing receipt and its caller retries.
 */
public final class TransactionSender {
  private static final int MAX_NONCE_RETRIES = 3;
  private static final java.util.regex.Pattern REVERT_DATA = java.util.regex.Pattern.compile("0x[0-9a-fA-F]{8,}");

  private final Web3j web3j;
  private final Credentials credentials;
  private final long chainId;
  private final RevertDecoder revertDecoder;
  private final PollingTransactionReceiptProcessor receipts;
  private final TransactionObserver observer;
  private final ReentrantLock sendLock = new ReentrantLock();
  /** Guarded by {@link #sendLock}; null until the account's count is first read. */
  private BigInteger nextNonce;

  /**
   * @param receiptPollMillis how often to ask for the receipt (web3j's 15 s default is far too slow locally)
   * @param receiptAttempts how many times before giving up with a {@link ChainException}
   */
  public TransactionSender(Web3j web3j, Credentials credentials, long chainId, RevertDecoder revertDecoder,
      long receiptPollMillis, int receiptAttempts) {
    this(web3j, credentials, chainId, revertDecoder, receiptPollMillis, receiptAttempts, TransactionObserver.NONE);
  }

  /** As above, telling {@code observer} about every mined transaction (latency, gas). */
  public TransactionSender(Web3j web3j, Credentials credentials, long chainId, RevertDecoder revertDecoder,
      long receiptPollMillis, int receiptAttempts, TransactionObserver observer) {
    this.observer = observer;
    this.web3j = web3j;
    this.credentials = credentials;
    this.chainId = chainId;
    this.revertDecoder = revertDecoder;
    this.receipts = new PollingTransactionReceiptProcessor(web3j, receiptPollMillis, receiptAttempts);
  }

  public String address() {
    return credentials.getAddress();
  }

  /**
   * Sends a call to {@code to} and waits for it to be mined.
   *
   * @throws ContractRevertedException when the call would revert (found by gas estimation, nothing sent)
   *     or reverted on chain
   * @throws ChainException on RPC failure or when no receipt arrives in time
   */
  public TransactionReceipt send(String to, String data, BigInteger value) throws ChainException {
    return sendWithGasLimit(to, data, value, estimateGas(to, data, value));
  }

  /** As {@link #send} with a fixed gas limit: nothing is simulated, so a revert happens on chain. */
  TransactionReceipt sendWithGasLimit(String to, String data, BigInteger value, BigInteger gasLimit) throws ChainException {
    long signedAt = System.nanoTime();
    String hash = signAndSend(to, data, value, gasLimit);
    TransactionReceipt receipt = awaitReceipt(hash);
    observer.mined(receipt, Duration.ofNanos(System.nanoTime() - signedAt));
    if (!receipt.isStatusOK()) {
      throw replayForRevert(to, data, value, receipt.getBlockNumber());
    }
    return receipt;
  }

  /** Deploys {@code bytecode} (constructor arguments appended) and returns the receipt with the address. */
  public TransactionReceipt deploy(String bytecode, BigInteger value) throws ChainException {
    TransactionReceipt receipt = send(null, bytecode, value);
    if (receipt.getContractAddress() == null) {
      throw new ChainException("deployment mined without a contract address: " + receipt.getTransactionHash());
    }
    return receipt;
  }

  private BigInteger estimateGas(String to, String data, BigInteger value) throws ChainException {
    EthEstimateGas estimate = rpc(web3j.ethEstimateGas(call(to, data, value)));
    if (estimate.hasError()) {
      throw revertOrFailure("eth_estimateGas", estimate.getError());
    }
    // A margin for state that changes between estimate and inclusion.
    return estimate.getAmountUsed().multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5));
  }

  private String signAndSend(String to, String data, BigInteger value, BigInteger gasLimit) throws ChainException {
    BigInteger priorityFee = rpc(web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    BigInteger baseFee = rpc(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock().getBaseFeePerGas();
    // Twice the base fee survives six full blocks of base-fee growth before the transaction stalls.
    BigInteger maxFee = baseFee.shiftLeft(1).add(priorityFee);
    sendLock.lock();
    try {
      for (int attempt = 0; ; attempt++) {
        // The nonce after our last transaction is right unless another sender on this account took
        // it; the node says so ("nonce too low") and only then is the account's count read.
        BigInteger nonce = nextNonce != null && attempt == 0 ? nextNonce : pendingNonceAtLeast(nextNonce);
        RawTransaction tx = RawTransaction.createTransaction(
            chainId, nonce, gasLimit, to == null ? "" : to, value, data, priorityFee, maxFee);
        EthSendTransaction sent = rpc(web3j.ethSendRawTransaction(
            Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, credentials))));
        if (!sent.hasError()) {
          nextNonce = nonce.add(BigInteger.ONE);
          return sent.getTransactionHash();
        }
        String message = String.valueOf(sent.getError().getMessage()).toLowerCase();
        // Another sender on this account (another process) took the nonce: skip past it and retry.
        boolean nonceTaken = message.contains("nonce too low") || message.contains("replacement transaction underpriced");
        if (nonceTaken && attempt < MAX_NONCE_RETRIES) {
          nextNonce = nonce.add(BigInteger.ONE);
          continue;
        }
        throw revertOrFailure("eth_sendRawTransaction", sent.getError());
      }
    } finally {
      sendLock.unlock();
    }
  }

  private BigInteger pendingNonceAtLeast(BigInteger floor) throws ChainException {
    BigInteger pending = rpc(web3j.ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING)).getTransactionCount();
    return floor == null ? pending : floor.max(pending);
  }

  private TransactionReceipt awaitReceipt(String hash) throws ChainException {
    try {
      return receipts.waitForTransactionReceipt(hash);
    } catch (IOException | TransactionException e) {
      throw new ChainException("no receipt for " + hash, e);
    }
  }

  private ChainException replayForRevert(String to, String data, BigInteger value, BigInteger block) throws ChainException {
    DefaultBlockParameter before = DefaultBlockParameter.valueOf(block.subtract(BigInteger.ONE));
    EthCall replay = rpc(web3j.ethCall(call(to, data, value), before));
    if (replay.hasError()) {
      return revertOrFailure("replay", replay.getError());
    }
    // Reverted in its block, but no longer reverts: the state that made it fail has changed since.
    return revertDecoder.decode("0x");
  }

  private ChainException revertOrFailure(String method, Response.Error error) {
    // Nodes differ in how they wrap revert data (bare, JSON-quoted, inside an object): take the hex.
    java.util.regex.Matcher hex = REVERT_DATA.matcher(String.valueOf(error.getData()));
    if (hex.find()) {
      return revertDecoder.decode(hex.group());
    }
    return new ChainException(method + " failed: " + error.getMessage());
  }

  private Transaction call(String to, String data, BigInteger value) {
    return Transaction.createFunctionCallTransaction(address(), null, null, null, to, value, data);
  }

  private static <T extends Response<?>> T rpc(org.web3j.protocol.core.Request<?, T> request) throws ChainException {
    try {
      return request.send();
    } catch (IOException e) {
      throw new ChainException("RPC " + request.getMethod() + " failed", e);
    }
  }
}
