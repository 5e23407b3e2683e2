package org.healthhub.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.healthhub.chain.generated.DataHub;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.tuples.generated.Tuple8;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The one door to DataHub for the workers. Thread-safe; every transaction goes through the account's
 * shared {@link TransactionSender}. Every state-changing call is idempotent: it reads the state first
 * and sends nothing when the work is already done, so a worker that runs twice sends one transaction;
 * if another run wins the race and the contract reverts, the state is read again before the revert is
 * reported.
 *
 * <p>Throws {@link ContractRevertedException} (with the custom error's name) when the contract refuses,
 * {@link ChainException} when the chain cannot be reached.
 */
public final class DataHubGateway {
  private final Web3j web3j;
  private final TransactionSender sender;
  private final DataHub views;
  private final String address;

  public DataHubGateway(Web3j web3j, TransactionSender sender, String contractAddress) {
    this.web3j = web3j;
    this.sender = sender;
    this.address = contractAddress;
    this.views = DataHub.load(contractAddress, web3j, new ReadonlyTransactionManager(web3j, sender.address()),
        new DefaultGasProvider());
  }

  /** Deploys a new DataHub owned by {@code sender}'s account; the managers must be two different addresses. */
  public static String deploy(Web3j web3j, TransactionSender sender, String groupManager, String revocationManager,
      long disputeWindowSeconds) throws ChainException {
    String constructorArgs = FunctionEncoder.encodeConstructor(List.of(
        new Address(groupManager), new Address(revocationManager),
        new Uint32(disputeWindowSeconds)));
    return sender.deploy(DataHub.BINARY + constructorArgs, BigInteger.ZERO).getContractAddress();
  }

  public String contractAddress() {
    return address;
  }

  public String account() {
    return sender.address();
  }

  // ---- administration ----

  public TxOutcome registerHospital(String hospital) throws ChainException {
    return sendUnlessDone(() -> isHospital(hospital), views.registerHospital(hospital));
  }

  public TxOutcome removeHospital(String hospital) throws ChainException {
    return sendUnlessDone(() -> !isHospital(hospital), views.removeHospital(hospital));
  }

  public TxOutcome setManagers(String groupManager, String revocationManager) throws ChainException {
    return sendUnlessDone(
        () -> sameAddress(groupManager(), groupManager) && sameAddress(revocationManager(), revocationManager),
        views.setManagers(groupManager, revocationManager));
  }

  // ---- records and shares ----

  /**
   * Gas limit of {@link #anchorRecord}, sent without a gas estimate: the call's cost does not depend
   * on its arguments (49,772 gas on anvil, cancun), and the estimate was one of the busiest
   * call's round trips. A revert still throws its named error: it is found on the receipt and
   * replayed. The unused part of the limit is not charged.
   */
  static final BigInteger ANCHOR_RECORD_GAS_LIMIT = BigInteger.valueOf(120_000);

  public TxOutcome anchorRecord(RecordAnchor record) throws ChainException {
    RemoteFunctionCall<?> call =
        views.anchorRecord(record.root(), record.cidDigest(), record.signatureDigest(), record.patient());
    return sendUnlessDone(() -> sameAddress(patientOf(record.root()), record.patient()),
        () -> sender.sendWithGasLimit(address, call.encodeFunctionCall(), BigInteger.ZERO, ANCHOR_RECORD_GAS_LIMIT));
  }

  /** Anchors the tree's root; keep the tree (or its proofs) off chain to prove each record later. */
  public TxOutcome anchorBatch(RecordMerkleTree tree, byte[] manifestCidDigest) throws ChainException {
    byte[] root = tree.root();
    return sendUnlessDone(() -> batchHospital(root) != null,
        views.anchorBatch(root, BigInteger.valueOf(tree.size()), Bytes32.requireNonZero("manifestCidDigest", manifestCidDigest)));
  }

  /** Gives a batched record its own entry so its patient can share it. */
  public TxOutcome claimBatchedRecord(byte[] batchRoot, RecordAnchor record, List<byte[]> proof) throws ChainException {
    return sendUnlessDone(() -> sameAddress(patientOf(record.root()), record.patient()),
        views.claimBatchedRecord(batchRoot, record.root(), record.cidDigest(), record.signatureDigest(), record.patient(),
            proof));
  }

  public boolean verifyBatchedRecord(byte[] batchRoot, RecordAnchor record, List<byte[]> proof) throws ChainException {
    return view(views.verifyBatchedRecord(batchRoot, record.root(), record.cidDigest(), record.signatureDigest(),
        record.patient(), proof));
  }

  public TxOutcome grantShare(byte[] root, String grantee, long expiresAtEpochSecond) throws ChainException {
    return sendUnlessDone(() -> shareExpiry(root, grantee) == expiresAtEpochSecond,
        views.grantShare(root, grantee, BigInteger.valueOf(expiresAtEpochSecond)));
  }

  public TxOutcome revokeShare(byte[] root, String grantee) throws ChainException {
    return sendUnlessDone(() -> !hasShare(root, grantee), views.revokeShare(root, grantee));
  }

  // ---- purchases ----

  /** The id {@link #requestPurchase} creates for this account and salt. */
  public byte[] purchaseIdOf(String buyer, byte[] salt) throws ChainException {
    return view(views.purchaseIdOf(buyer, Bytes32.require("salt", salt)));
  }

  /**
   * Escrows {@code amountWei} for the template; the salt makes the call idempotent (same salt, same purchase).
   */
  public TxOutcome requestPurchase(byte[] salt, byte[] templateDigest, BigInteger amountWei, long replyBy, long deliverBy)
      throws ChainException {
    byte[] id = purchaseIdOf(sender.address(), salt);
    RemoteFunctionCall<TransactionReceipt> call = views.requestPurchase(salt,
        Bytes32.requireNonZero("templateDigest", templateDigest), BigInteger.valueOf(replyBy), BigInteger.valueOf(deliverBy),
        amountWei);
    return sendUnlessDone(() -> purchase(id).state() != PurchaseState.NONE, call, amountWei);
  }

  public TxOutcome replyPurchase(byte[] purchaseId, int patientShareBps) throws ChainException {
    return sendUnlessDone(() -> {
      PurchaseView p = purchase(purchaseId);
      return p.state().compareTo(PurchaseState.REPLIED) >= 0 && sameAddress(p.hospital(), sender.address());
    }, views.replyPurchase(purchaseId, BigInteger.valueOf(patientShareBps)));
  }

  /**
   * As a registered hospital, turns a request down, or as the replying hospital withdraws its offer
   * before delivery: the buyer is credited the escrow at once.
   */
  public TxOutcome declinePurchase(byte[] purchaseId) throws ChainException {
    return sendUnlessDone(() -> purchase(purchaseId).state() == PurchaseState.REFUNDED, views.declinePurchase(purchaseId));
  }

  /** Posts the delivery; the patients are sorted and deduplicated as the contract requires. */
  public TxOutcome deliverPurchase(byte[] purchaseId, byte[] bundleDigest, List<String> consentingPatients)
      throws ChainException {
    List<String> patients = consentingPatients.stream().map(String::toLowerCase).distinct()
        .sorted(Comparator.comparing(a -> new BigInteger(a.substring(2), 16))).toList();
    return sendUnlessDone(() -> {
      PurchaseView p = purchase(purchaseId);
      return p.state().compareTo(PurchaseState.DELIVERED) >= 0 && Arrays.equals(p.bundleDigest(), bundleDigest);
    }, views.deliverPurchase(purchaseId, bundleDigest, patients));
  }

  public TxOutcome acceptDelivery(byte[] purchaseId) throws ChainException {
    return sendUnlessDone(() -> purchase(purchaseId).state() == PurchaseState.SETTLED, views.acceptDelivery(purchaseId));
  }

  /** Settles a delivery whose dispute window passed in silence; anyone may call it. */
  public TxOutcome finalizePurchase(byte[] purchaseId) throws ChainException {
    return sendUnlessDone(() -> purchase(purchaseId).state() == PurchaseState.SETTLED, views.finalizePurchase(purchaseId));
  }

  /** Refunds a purchase left without reply or delivery past its deadline; anyone may call it. */
  public TxOutcome refundExpired(byte[] purchaseId) throws ChainException {
    return sendUnlessDone(() -> purchase(purchaseId).state() == PurchaseState.REFUNDED, views.refundExpired(purchaseId));
  }

  /** Refunds a dispute left without a verdict a whole dispute window past dispute-by; anyone may call it. */
  public TxOutcome refundUnresolvedDispute(byte[] purchaseId) throws ChainException {
    return sendUnlessDone(() -> purchase(purchaseId).state() == PurchaseState.REFUNDED,
        views.refundUnresolvedDispute(purchaseId));
  }

  public TxOutcome disputeDelivery(byte[] purchaseId, byte[] signatureDigest) throws ChainException {
    return sendUnlessDone(() -> Arrays.equals(opening(purchaseId).signatureDigest(), signatureDigest),
        views.disputeDelivery(purchaseId, signatureDigest));
  }

  /** Approves opening the disputed signature, as the Group Manager or the Revocation Manager. */
  public TxOutcome approveOpening(byte[] purchaseId) throws ChainException {
    return sendUnlessDone(() -> {
      OpeningView o = opening(purchaseId);
      long epoch = managersEpoch();
      if (sameAddress(groupManager(), sender.address())) {
        return o.groupManagerApprovalEpoch() == epoch;
      }
      // Anyone but the two managers is not done: the contract answers NotManager.
      return sameAddress(revocationManager(), sender.address()) && o.revocationManagerApprovalEpoch() == epoch;
    }, views.approveOpening(purchaseId));
  }

  /** As the Group Manager, after both approvals: posts the opening result's commitment and the verdict. */
  public TxOutcome resolveDispute(byte[] purchaseId, byte[] resultCommitment, boolean deliveryValid) throws ChainException {
    return sendUnlessDone(() -> Arrays.equals(opening(purchaseId).resultCommitment(), resultCommitment),
        views.resolveDispute(purchaseId, resultCommitment, deliveryValid));
  }

  /** Pulls this account's credits; sends nothing when there are none. */
  public TxOutcome withdraw() throws ChainException {
    return sendUnlessDone(() -> credits(sender.address()).signum() == 0, views.withdraw());
  }

  // ---- views ----

  public boolean isHospital(String account) throws ChainException {
    return view(views.hospitals(account));
  }

  public String groupManager() throws ChainException {
    return view(views.groupManager());
  }

  public String revocationManager() throws ChainException {
    return view(views.revocationManager());
  }

  /** Seconds the buyer has to dispute a delivery; a dispute also waits this long for its verdict. */
  public long disputeWindowSeconds() throws ChainException {
    return view(views.disputeWindow()).longValueExact();
  }

  /** The latest block's timestamp: the clock every deadline of the contract is read against. */
  public long latestBlockTime() throws ChainException {
    return view(() -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getTimestamp().longValueExact());
  }

  public long managersEpoch() throws ChainException {
    return view(views.managersEpoch()).longValueExact();
  }

  /** The record's patient, or null when the root is not anchored. */
  public String patientOf(byte[] root) throws ChainException {
    String patient = view(views.patientOf(Bytes32.require("root", root)));
    return isZeroAddress(patient) ? null : patient;
  }

  /**
   * The digests anchored with {@code root}, from its RecordAnchored event (the contract keeps only the
   * patient in storage); empty when the root is not anchored. Searches from {@code fromBlock}: public
   * nodes cap log ranges, so pass the DataHub deployment block there.
   */
  public Optional<AnchoredDigests> anchoredDigests(byte[] root, BigInteger fromBlock) throws ChainException {
    EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(fromBlock), DefaultBlockParameterName.LATEST, address)
        .addSingleTopic(EventEncoder.encode(DataHub.RECORDANCHORED_EVENT))
        .addSingleTopic(Bytes32.hex(Bytes32.require("root", root)));
    EthLog logs = view(() -> web3j.ethGetLogs(filter).send());
    if (logs.hasError()) {
      throw new ChainException("eth_getLogs failed: " + logs.getError().getMessage());
    }
    if (logs.getLogs().isEmpty()) {
      return Optional.empty();
    }
    // A root is anchored once, so there is at most one such log.
    Log log = (Log) logs.getLogs().get(0).get();
    DataHub.RecordAnchoredEventResponse event = DataHub.getRecordAnchoredEventFromLog(log);
    return Optional.of(new AnchoredDigests(event.cidDigest, event.signatureDigest, log.getBlockNumber().longValueExact()));
  }

  /** The hospital that anchored the batch, or null when it is not anchored. */
  public String batchHospital(byte[] batchRoot) throws ChainException {
    String hospital = view(views.batches(Bytes32.require("batchRoot", batchRoot))).component1();
    return isZeroAddress(hospital) ? null : hospital;
  }

  public long shareExpiry(byte[] root, String grantee) throws ChainException {
    return view(views.shareExpiry(root, grantee)).longValueExact();
  }

  public boolean hasShare(byte[] root, String grantee) throws ChainException {
    return view(views.hasShare(root, grantee));
  }

  public PurchaseView purchase(byte[] purchaseId) throws ChainException {
    Tuple8<String, BigInteger, String, BigInteger, BigInteger, BigInteger, BigInteger, byte[]> p =
        view(views.purchases(Bytes32.require("purchaseId", purchaseId)));
    List<String> patients = new ArrayList<>();
    for (Object patient : view(views.patientsOf(purchaseId))) {
      patients.add(patient instanceof Address a ? a.getValue() : patient.toString());
    }
    return new PurchaseView(purchaseId.clone(), p.component1(), p.component2(), p.component3(), p.component4().longValue(),
        p.component5().longValue(), PurchaseState.ofOrdinal(p.component6().intValue()), p.component7().intValue(),
        p.component8(), List.copyOf(patients));
  }

  public OpeningView opening(byte[] purchaseId) throws ChainException {
    Tuple4<byte[], BigInteger, BigInteger, byte[]> o = view(views.openings(Bytes32.require("purchaseId", purchaseId)));
    return new OpeningView(o.component1(), o.component2().longValue(), o.component3().longValue(), o.component4());
  }

  public BigInteger credits(String account) throws ChainException {
    return view(views.credits(account));
  }

  // ---- plumbing ----

  private interface StateCheck {
    boolean done() throws ChainException;
  }

  private interface Send {
    TransactionReceipt mined() throws ChainException;
  }

  private TxOutcome sendUnlessDone(StateCheck done, RemoteFunctionCall<?> call) throws ChainException {
    return sendUnlessDone(done, call, BigInteger.ZERO);
  }

  private TxOutcome sendUnlessDone(StateCheck done, RemoteFunctionCall<?> call, BigInteger value) throws ChainException {
    return sendUnlessDone(done, () -> sender.send(address, call.encodeFunctionCall(), value));
  }

  private TxOutcome sendUnlessDone(StateCheck done, Send send) throws ChainException {
    if (done.done()) {
      return TxOutcome.alreadyDone();
    }
    try {
      return TxOutcome.sent(send.mined());
    } catch (ContractRevertedException reverted) {
      // A concurrent run of the same work may have landed first: that is success, not a refusal.
      if (done.done()) {
        return TxOutcome.alreadyDone();
      }
      throw reverted;
    }
  }

  private static <T> T view(RemoteFunctionCall<T> call) throws ChainException {
    return view(call::send);
  }

  private static <T> T view(Callable<T> call) throws ChainException {
    try {
      return call.call();
    } catch (ChainException e) {
      throw e;
    } catch (Exception e) {
      throw new ChainException("view call failed: " + e.getMessage(), e);
    }
  }

  private static boolean sameAddress(String a, String b) {
    return a != null && b != null && a.equalsIgnoreCase(b);
  }

  private static boolean isZeroAddress(String address) {
    return address == null || address.replace("0x", "").matches("0*");
  }
}
