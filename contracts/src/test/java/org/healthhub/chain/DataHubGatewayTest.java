package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.chain.testing.TestBytes.random32;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

class DataHubGatewayTest extends DeployedDataHubTest {
  private BigInteger nonceOf(Credentials who) throws Exception {
    return f.anvil.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.LATEST).send()
        .getTransactionCount();
  }

  @Test
  void anchorRecord_runTwice_sendsOneTransaction() throws Exception {
    DataHubGateway hospital = f.gateway(f.hospital);
    RecordAnchor record = new RecordAnchor(random32(), random32(), random32(), f.patients.get(0).getAddress());

    TxOutcome first = hospital.anchorRecord(record);
    BigInteger nonce = nonceOf(f.hospital);
    TxOutcome second = hospital.anchorRecord(record);

    assertThat(first.wasSent()).isTrue();
    assertThat(second.wasSent()).isFalse();
    assertThat(nonceOf(f.hospital)).isEqualTo(nonce);
    assertThat(hospital.patientOf(record.root())).isEqualToIgnoringCase(record.patient());
    AnchoredDigests digests = hospital.anchoredDigests(record.root(), BigInteger.ZERO).orElseThrow();
    assertThat(digests.cidDigest()).isEqualTo(record.cidDigest());
    assertThat(digests.signatureDigest()).isEqualTo(record.signatureDigest());
    assertThat(hospital.anchoredDigests(random32(), BigInteger.ZERO)).isEmpty();
  }

  @Test
  void anchorRecord_fixedGasLimit_isAtLeastTwiceTheGasUsed() throws Exception {
    RecordAnchor record = new RecordAnchor(random32(), random32(), random32(), f.patients.get(0).getAddress());

    BigInteger used = f.gateway(f.hospital).anchorRecord(record).receipt().orElseThrow().getGasUsed();

    assertThat(used.shiftLeft(1)).isLessThanOrEqualTo(DataHubGateway.ANCHOR_RECORD_GAS_LIMIT);
  }

  @Test
  void anchorRecord_rootTakenForAnotherPatient_revertsOnChainAndIsNamed() throws Exception {
    DataHubGateway hospital = f.gateway(f.hospital);
    RecordAnchor record = new RecordAnchor(random32(), random32(), random32(), f.patients.get(0).getAddress());
    hospital.anchorRecord(record);
    BigInteger before = nonceOf(f.hospital);
    RecordAnchor clash = new RecordAnchor(record.root(), random32(), random32(), f.patients.get(1).getAddress());

    assertThatThrownBy(() -> hospital.anchorRecord(clash))
        .isInstanceOf(ContractRevertedException.class)
        .extracting(e -> ((ContractRevertedException) e).errorName()).isEqualTo("RecordAlreadyAnchored");
    assertThat(nonceOf(f.hospital)).as("sent without an estimate, the anchor reverted in a block")
        .isEqualTo(before.add(BigInteger.ONE));
  }

  @Test
  void send_revertOnChain_isReplayedAndNamed() throws Exception {
    TransactionSender stranger = f.sender(f.stranger);
    BigInteger before = nonceOf(f.stranger);
    String data = f.hub().registerHospital(f.stranger.getAddress()).encodeFunctionCall();

    assertThatThrownBy(() -> stranger.sendWithGasLimit(f.address, data, BigInteger.ZERO, BigInteger.valueOf(100_000)))
        .isInstanceOf(ContractRevertedException.class)
        .extracting(e -> ((ContractRevertedException) e).errorName()).isEqualTo("OwnableUnauthorizedAccount");
    assertThat(nonceOf(f.stranger)).as("the reverted transaction was mined").isEqualTo(before.add(BigInteger.ONE));
  }

  @Test
  void send_usesEip1559Transactions() throws Exception {
    TxOutcome outcome = f.gateway(f.admin).registerHospital(f.otherHospital.getAddress());

    var tx = f.anvil.web3j().ethGetTransactionByHash(outcome.receipt().orElseThrow().getTransactionHash()).send()
        .getTransaction().orElseThrow();
    assertThat(tx.getType()).isEqualTo("0x2");
    assertThat(tx.getChainId()).isEqualTo(LocalAnvil.CHAIN_ID);
    assertThat(tx.getMaxFeePerGas()).isPositive();
  }

  @Test
  void concurrentWorkers_oneAccount_neverCollideOnNonces() throws Exception {
    DataHubGateway hospital = f.gateway(f.hospital);
    BigInteger start = nonceOf(f.hospital);
    int threads = 6;
    int perThread = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<RecordAnchor>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        List<RecordAnchor> anchored = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          RecordAnchor record = new RecordAnchor(random32(), random32(), random32(), f.patients.get(i % 3).getAddress());
          hospital.anchorRecord(record);
          anchored.add(record);
        }
        return anchored;
      }));
    }
    List<RecordAnchor> all = new ArrayList<>();
    for (Future<List<RecordAnchor>> result : results) {
      all.addAll(result.get());
    }
    pool.shutdown();

    assertThat(nonceOf(f.hospital)).isEqualTo(start.add(BigInteger.valueOf(threads * perThread)));
    for (RecordAnchor record : all) {
      assertThat(hospital.patientOf(record.root())).isEqualToIgnoringCase(record.patient());
    }
  }

  @Test
  void twoSendersOnOneAccount_skipNoncesTheOtherTook() throws Exception {
    DataHubGateway first = f.gateway(f.hospital);
    DataHubGateway second = f.gateway(f.hospital);
    BigInteger start = nonceOf(f.hospital);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<RecordAnchor>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      DataHubGateway gateway = i % 2 == 0 ? first : second;
      results.add(pool.submit(() -> {
        RecordAnchor record = new RecordAnchor(random32(), random32(), random32(), f.patients.get(0).getAddress());
        gateway.anchorRecord(record);
        return record;
      }));
    }
    for (Future<RecordAnchor> result : results) {
      assertThat(first.patientOf(result.get().root())).isNotNull();
    }
    pool.shutdown();

    assertThat(nonceOf(f.hospital)).isEqualTo(start.add(BigInteger.TEN));
  }

  @Test
  void purchaseFlow_everyStepRunTwice_sendsEachOnce() throws Exception {
    DataHubGateway buyer = f.gateway(f.buyer);
    DataHubGateway hospital = f.gateway(f.hospital);
    DataHubGateway gm = f.gateway(f.groupManager);
    DataHubGateway rm = f.gateway(f.revocationManager);
    byte[] salt = random32();
    byte[] template = random32();
    byte[] bundle = random32();
    byte[] signature = random32();
    byte[] commitment = random32();
    long now = f.anvil.now();
    BigInteger amount = BigInteger.valueOf(999_999);
    List<String> patients = f.patients.stream().map(Credentials::getAddress).toList();
    byte[] id = buyer.purchaseIdOf(f.buyer.getAddress(), salt);

    assertThat(buyer.requestPurchase(salt, template, amount, now + 100, now + 200).wasSent()).isTrue();
    assertThat(buyer.requestPurchase(salt, template, amount, now + 100, now + 200).wasSent()).isFalse();
    assertThat(hospital.replyPurchase(id, 2_500).wasSent()).isTrue();
    assertThat(hospital.replyPurchase(id, 2_500).wasSent()).isFalse();
    assertThat(hospital.deliverPurchase(id, bundle, patients).wasSent()).isTrue();
    assertThat(hospital.deliverPurchase(id, bundle, patients).wasSent()).isFalse();
    assertThat(buyer.disputeDelivery(id, signature).wasSent()).isTrue();
    assertThat(buyer.disputeDelivery(id, signature).wasSent()).isFalse();
    assertThat(gm.approveOpening(id).wasSent()).isTrue();
    assertThat(gm.approveOpening(id).wasSent()).isFalse();
    assertThat(rm.approveOpening(id).wasSent()).isTrue();
    assertThat(rm.approveOpening(id).wasSent()).isFalse();
    assertThatThrownBy(() -> f.gateway(f.stranger).approveOpening(id))
        .extracting(e -> ((ContractRevertedException) e).errorName()).isEqualTo("NotManager");
    assertThat(gm.resolveDispute(id, commitment, true).wasSent()).isTrue();
    assertThat(gm.resolveDispute(id, commitment, true).wasSent()).isFalse();
    assertThat(hospital.withdraw().wasSent()).isTrue();
    assertThat(hospital.withdraw().wasSent()).isFalse();

    PurchaseView view = buyer.purchase(id);
    assertThat(view.state()).isEqualTo(PurchaseState.SETTLED);
    assertThat(view.patients()).hasSize(3);
    assertThat(buyer.credits(f.patients.get(0).getAddress())).isPositive();
  }

  @Test
  void batchFlow_anchorClaimShareRevoke_isIdempotent() throws Exception {
    DataHubGateway hospital = f.gateway(f.hospital);
    Credentials patient = f.patients.get(2);
    DataHubGateway owner = f.gateway(patient);
    List<RecordAnchor> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(new RecordAnchor(random32(), random32(), random32(), patient.getAddress()));
    }
    RecordMerkleTree tree = new RecordMerkleTree(records);
    byte[] manifest = random32();

    assertThat(hospital.anchorBatch(tree, manifest).wasSent()).isTrue();
    assertThat(hospital.anchorBatch(tree, manifest).wasSent()).isFalse();
    assertThat(owner.claimBatchedRecord(tree.root(), tree.record(4), tree.proof(4)).wasSent()).isTrue();
    assertThat(owner.claimBatchedRecord(tree.root(), tree.record(4), tree.proof(4)).wasSent()).isFalse();
    long expiry = f.anvil.now() + 3_600;
    byte[] root = tree.record(4).root();
    assertThat(owner.grantShare(root, f.buyer.getAddress(), expiry).wasSent()).isTrue();
    assertThat(owner.grantShare(root, f.buyer.getAddress(), expiry).wasSent()).isFalse();
    assertThat(owner.hasShare(root, f.buyer.getAddress())).isTrue();
    assertThat(owner.revokeShare(root, f.buyer.getAddress()).wasSent()).isTrue();
    assertThat(owner.revokeShare(root, f.buyer.getAddress()).wasSent()).isFalse();
    assertThat(owner.shareExpiry(root, f.buyer.getAddress())).isZero();
  }

  @Test
  void expiredPurchase_refundThenWithdraw_isIdempotent() throws Exception {
    DataHubGateway buyer = f.gateway(f.buyer);
    byte[] salt = random32();
    long now = f.anvil.now();
    buyer.requestPurchase(salt, random32(), BigInteger.TEN, now + 10, now + 20);
    byte[] id = buyer.purchaseIdOf(f.buyer.getAddress(), salt);
    f.anvil.advanceTime(11);

    assertThat(f.gateway(f.stranger).refundExpired(id).wasSent()).isTrue();
    assertThat(f.gateway(f.stranger).refundExpired(id).wasSent()).isFalse();
    assertThat(buyer.credits(f.buyer.getAddress())).isEqualTo(BigInteger.TEN);
    assertThat(buyer.withdraw().wasSent()).isTrue();
    assertThat(buyer.credits(f.buyer.getAddress())).isZero();
  }
}
