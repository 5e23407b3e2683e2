package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.chain.testing.TestBytes.random32;

import java.math.BigInteger;
import java.util.List;
import org.healthhub.chain.generated.DataHub;
import org.healthhub.chain.testing.DataHubFixture;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

class DataHubPurchaseTest extends DeployedDataHubTest {
  private static final BigInteger AMOUNT = BigInteger.valueOf(1_000_003);
  private static final long WINDOW = DataHubFixture.DISPUTE_WINDOW_SECONDS;
  private byte[] requested() throws Exception {
    byte[] salt = random32();
    long now = f.anvil.now();
    TransactionReceipt receipt = f.send(f.buyer, hub.requestPurchase(salt, random32(), BigInteger.valueOf(now + 100),
        BigInteger.valueOf(now + 200), AMOUNT), AMOUNT);
    return DataHub.getPurchaseRequestedEvents(receipt).get(0).purchaseId;
  }

  private byte[] replied(int bps) throws Exception {
    byte[] id = requested();
    TransactionReceipt receipt = f.send(f.hospital, hub.replyPurchase(id, BigInteger.valueOf(bps)));
    DataHub.PurchaseRepliedEventResponse event = DataHub.getPurchaseRepliedEvents(receipt).get(0);
    assertThat(event.hospital).isEqualToIgnoringCase(f.hospital.getAddress());
    assertThat(event.patientShareBps.intValue()).isEqualTo(bps);
    return id;
  }

  private List<String> patientAddresses() {
    return f.patients.stream().map(Credentials::getAddress).map(String::toLowerCase)
        .sorted((a, b) -> new BigInteger(a.substring(2), 16).compareTo(new BigInteger(b.substring(2), 16))).toList();
  }

  private byte[] delivered(int bps) throws Exception {
    byte[] id = replied(bps);
    byte[] bundle = random32();
    TransactionReceipt receipt = f.send(f.hospital, hub.deliverPurchase(id, bundle, patientAddresses()));
    DataHub.PurchaseDeliveredEventResponse event = DataHub.getPurchaseDeliveredEvents(receipt).get(0);
    assertThat(event.bundleDigest).isEqualTo(bundle);
    assertThat(event.patients).hasSize(3);
    assertThat(event.disputeBy.longValue()).isEqualTo(f.anvil.now() + WINDOW);
    return id;
  }

  private PurchaseState state(byte[] id) throws Exception {
    return f.gateway(f.stranger).purchase(id).state();
  }

  private BigInteger credits(Credentials who) throws Exception {
    return hub.credits(who.getAddress()).send();
  }

  @Test
  void accept_afterDelivery_creditsSplitWithRemainderToHospital() throws Exception {
    byte[] id = delivered(3_000);
    TransactionReceipt receipt = f.send(f.buyer, hub.acceptDelivery(id));

    BigInteger perPatient = AMOUNT.multiply(BigInteger.valueOf(3_000)).divide(BigInteger.valueOf(10_000)).divide(BigInteger.valueOf(3));
    assertThat(DataHub.getPurchaseAcceptedEvents(receipt)).hasSize(1);
    assertThat(DataHub.getPaymentCreditedEvents(receipt)).hasSize(4);
    for (Credentials patient : f.patients) {
      assertThat(credits(patient)).isEqualTo(perPatient);
    }
    assertThat(credits(f.hospital)).isEqualTo(AMOUNT.subtract(perPatient.multiply(BigInteger.valueOf(3))));
    assertThat(state(id)).isEqualTo(PurchaseState.SETTLED);
  }

  @Test
  void finalize_afterSilentWindow_paysAsAcceptance() throws Exception {
    byte[] id = delivered(10_000);
    f.assertReverts("DeadlineNotPassed", f.stranger, hub.finalizePurchase(id));
    f.anvil.advanceTime(WINDOW + 1);

    TransactionReceipt receipt = f.send(f.stranger, hub.finalizePurchase(id));

    assertThat(DataHub.getPurchaseFinalizedEvents(receipt)).hasSize(1);
    assertThat(credits(f.hospital)).isEqualTo(AMOUNT.mod(BigInteger.valueOf(3)));
    f.assertReverts("WrongState", f.buyer, hub.disputeDelivery(id, random32()));
  }

  @Test
  void refund_noReplyByDeadline_creditsBuyer() throws Exception {
    byte[] id = requested();
    f.assertReverts("DeadlineNotPassed", f.stranger, hub.refundExpired(id));
    f.anvil.advanceTime(101);
    f.assertReverts("DeadlinePassed", f.hospital, hub.replyPurchase(id, BigInteger.ZERO));

    TransactionReceipt receipt = f.send(f.stranger, hub.refundExpired(id));

    assertThat(DataHub.getPurchaseRefundedEvents(receipt).get(0).amount).isEqualTo(AMOUNT);
    assertThat(credits(f.buyer)).isEqualTo(AMOUNT);
    assertThat(state(id)).isEqualTo(PurchaseState.REFUNDED);
  }

  @Test
  void refund_noDeliveryByDeadline_creditsBuyer() throws Exception {
    byte[] id = replied(5_000);
    f.assertReverts("DeadlineNotPassed", f.stranger, hub.refundExpired(id));
    f.anvil.advanceTime(201);
    f.assertReverts("DeadlinePassed", f.hospital, hub.deliverPurchase(id, random32(), patientAddresses()));

    f.send(f.stranger, hub.refundExpired(id));

    assertThat(credits(f.buyer)).isEqualTo(AMOUNT);
    assertThat(credits(f.hospital)).isZero();
  }

  @Test
  void dispute_bothApprove_validDeliveryPaysHospitalAndPatients() throws Exception {
    byte[] id = delivered(6_000);
    byte[] signature = random32();
    TransactionReceipt opened = f.send(f.buyer, hub.disputeDelivery(id, signature));
    assertThat(DataHub.getDisputeOpenedEvents(opened).get(0).signatureDigest).isEqualTo(signature);

    TransactionReceipt approved = f.send(f.groupManager, hub.approveOpening(id));
    assertThat(DataHub.getOpeningApprovedEvents(approved).get(0).manager).isEqualToIgnoringCase(f.groupManager.getAddress());
    f.send(f.revocationManager, hub.approveOpening(id));
    byte[] commitment = random32();
    TransactionReceipt resolved = f.send(f.groupManager, hub.resolveDispute(id, commitment, true));

    assertThat(DataHub.getDisputeResolvedEvents(resolved).get(0).resultCommitment).isEqualTo(commitment);
    assertThat(state(id)).isEqualTo(PurchaseState.SETTLED);
    assertThat(credits(f.patients.get(0))).isPositive();
    assertThat(credits(f.buyer)).isZero();
    assertThat(f.gateway(f.stranger).opening(id).resultCommitment()).isEqualTo(commitment);
  }

  @Test
  void dispute_bothApprove_invalidDeliveryRefundsBuyer() throws Exception {
    byte[] id = delivered(6_000);
    f.send(f.buyer, hub.disputeDelivery(id, random32()));
    f.send(f.revocationManager, hub.approveOpening(id));
    f.send(f.groupManager, hub.approveOpening(id));

    f.send(f.groupManager, hub.resolveDispute(id, random32(), false));

    assertThat(state(id)).isEqualTo(PurchaseState.REFUNDED);
    assertThat(credits(f.buyer)).isEqualTo(AMOUNT);
    assertThat(credits(f.hospital)).isZero();
  }

  @Test
  void resolve_withoutBothApprovalsOrByOthers_reverts() throws Exception {
    byte[] id = delivered(0);
    f.assertReverts("WrongState", f.groupManager, hub.approveOpening(id));
    f.send(f.buyer, hub.disputeDelivery(id, random32()));
    f.assertReverts("OpeningNotApproved", f.groupManager, hub.resolveDispute(id, random32(), true));
    f.send(f.groupManager, hub.approveOpening(id));
    f.assertReverts("OpeningAlreadyApproved", f.groupManager, hub.approveOpening(id));
    f.assertReverts("OpeningNotApproved", f.groupManager, hub.resolveDispute(id, random32(), true));
    f.assertReverts("NotManager", f.stranger, hub.approveOpening(id));
    f.send(f.revocationManager, hub.approveOpening(id));
    f.assertReverts("NotGroupManager", f.revocationManager, hub.resolveDispute(id, random32(), true));
    f.assertReverts("ZeroDigest", f.groupManager, hub.resolveDispute(id, new byte[32], true));
  }

  @Test
  void managerRotation_voidsEarlierApprovals() throws Exception {
    byte[] id = delivered(0);
    f.send(f.buyer, hub.disputeDelivery(id, random32()));
    f.send(f.groupManager, hub.approveOpening(id));
    f.send(f.revocationManager, hub.approveOpening(id));

    f.send(f.admin, hub.setManagers(f.groupManager.getAddress(), f.stranger.getAddress()));

    f.assertReverts("OpeningNotApproved", f.groupManager, hub.resolveDispute(id, random32(), true));
    f.assertReverts("NotManager", f.revocationManager, hub.approveOpening(id));
    f.send(f.groupManager, hub.approveOpening(id));
    f.send(f.stranger, hub.approveOpening(id));
    f.send(f.groupManager, hub.resolveDispute(id, random32(), true));
    assertThat(state(id)).isEqualTo(PurchaseState.SETTLED);
  }

  @Test
  void dispute_afterWindowOrByOthers_reverts() throws Exception {
    byte[] id = delivered(0);
    f.assertReverts("NotBuyer", f.stranger, hub.disputeDelivery(id, random32()));
    f.assertReverts("NotBuyer", f.hospital, hub.acceptDelivery(id));
    f.assertReverts("ZeroDigest", f.buyer, hub.disputeDelivery(id, new byte[32]));
    f.anvil.advanceTime(WINDOW + 1);
    f.assertReverts("DeadlinePassed", f.buyer, hub.disputeDelivery(id, random32()));
  }

  @Test
  void request_invalid_reverts() throws Exception {
    long now = f.anvil.now();
    BigInteger replyBy = BigInteger.valueOf(now + 100);
    BigInteger deliverBy = BigInteger.valueOf(now + 200);
    f.assertReverts("NoPayment", f.buyer, hub.requestPurchase(random32(), random32(), replyBy, deliverBy, BigInteger.ZERO));
    f.assertReverts("InvalidDeadlines", f.buyer,
        hub.requestPurchase(random32(), random32(), deliverBy, replyBy, AMOUNT), AMOUNT);
    f.assertReverts("InvalidDeadlines", f.buyer,
        hub.requestPurchase(random32(), random32(), BigInteger.valueOf(now), deliverBy, AMOUNT), AMOUNT);
    f.assertReverts("ZeroDigest", f.buyer,
        hub.requestPurchase(random32(), new byte[32], replyBy, deliverBy, AMOUNT), AMOUNT);
    BigInteger tooMuch = BigInteger.TWO.pow(80);
    f.anvil.setBalance(f.buyer.getAddress(), tooMuch.multiply(BigInteger.TWO));
    f.assertReverts("PaymentTooLarge", f.buyer, hub.requestPurchase(random32(), random32(), replyBy, deliverBy, tooMuch),
        tooMuch);
    byte[] salt = random32();
    f.send(f.buyer, hub.requestPurchase(salt, random32(), replyBy, deliverBy, AMOUNT), AMOUNT);
    f.assertReverts("PurchaseAlreadyExists", f.buyer, hub.requestPurchase(salt, random32(), replyBy, deliverBy, AMOUNT),
        AMOUNT);
  }

  @Test
  void reply_invalid_reverts() throws Exception {
    byte[] id = requested();
    f.assertReverts("NotHospital", f.stranger, hub.replyPurchase(id, BigInteger.ZERO));
    f.assertReverts("InvalidShare", f.hospital, hub.replyPurchase(id, BigInteger.valueOf(10_001)));
    f.assertReverts("WrongState", f.hospital, hub.replyPurchase(random32(), BigInteger.ZERO));
    f.send(f.hospital, hub.replyPurchase(id, BigInteger.ZERO));
    f.assertReverts("WrongState", f.hospital, hub.replyPurchase(id, BigInteger.ZERO));
  }

  @Test
  void deliver_invalid_reverts() throws Exception {
    byte[] id = replied(0);
    f.send(f.admin, hub.registerHospital(f.otherHospital.getAddress()));
    List<String> sorted = patientAddresses();
    f.assertReverts("NotPurchaseHospital", f.otherHospital, hub.deliverPurchase(id, random32(), sorted));
    f.assertReverts("ZeroDigest", f.hospital, hub.deliverPurchase(id, new byte[32], sorted));
    f.assertReverts("InvalidPatientCount", f.hospital, hub.deliverPurchase(id, random32(), List.of()));
    List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, 101)
        .mapToObj(i -> String.format("0x%040x", i)).toList();
    f.assertReverts("InvalidPatientCount", f.hospital, hub.deliverPurchase(id, random32(), tooMany));
    f.assertReverts("PatientsNotStrictlyAscending", f.hospital,
        hub.deliverPurchase(id, random32(), List.of(sorted.get(1), sorted.get(0))));
    f.assertReverts("PatientsNotStrictlyAscending", f.hospital,
        hub.deliverPurchase(id, random32(), List.of(sorted.get(0), sorted.get(0))));
    f.assertReverts("WrongState", f.buyer, hub.acceptDelivery(id));
    f.assertReverts("WrongState", f.stranger, hub.finalizePurchase(id));
  }

  @Test
  void withdraw_paysCreditOnceAndEmits() throws Exception {
    byte[] id = delivered(0);
    f.send(f.buyer, hub.acceptDelivery(id));
    BigInteger before = f.anvil.web3j().ethGetBalance(f.address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
        .send().getBalance();

    TransactionReceipt receipt = f.send(f.hospital, hub.withdraw());

    assertThat(DataHub.getWithdrawnEvents(receipt).get(0).amount).isEqualTo(AMOUNT);
    assertThat(f.anvil.web3j().ethGetBalance(f.address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send()
        .getBalance()).isEqualTo(before.subtract(AMOUNT));
    f.assertReverts("NothingToWithdraw", f.hospital, hub.withdraw());
  }

  @Test
  void decline_whileRequested_refundsBuyerAtOnce() throws Exception {
    byte[] id = requested();
    f.assertReverts("NotHospital", f.stranger, hub.declinePurchase(id));

    TransactionReceipt receipt = f.send(f.hospital, hub.declinePurchase(id));

    assertThat(DataHub.getPurchaseDeclinedEvents(receipt)).hasSize(1);
    assertThat(credits(f.buyer)).isEqualTo(AMOUNT);
    assertThat(state(id)).isEqualTo(PurchaseState.REFUNDED);
    assertThat(f.gateway(f.hospital).declinePurchase(id).wasSent()).as("second decline").isFalse();
  }

  @Test
  void decline_afterReply_refundsBeforeDeliverBy() throws Exception {
    byte[] id = replied(5_000);

    f.send(f.hospital, hub.declinePurchase(id));

    assertThat(credits(f.buyer)).isEqualTo(AMOUNT);
    assertThat(state(id)).isEqualTo(PurchaseState.REFUNDED);
  }

  @Test
  void decline_afterDelivery_reverts() throws Exception {
    byte[] id = delivered(5_000);

    f.assertReverts("WrongState", f.hospital, hub.declinePurchase(id));
    assertThat(state(id)).isEqualTo(PurchaseState.DELIVERED);
  }

  @Test
  void refundUnresolvedDispute_onlyAWindowPastDisputeBy() throws Exception {
    byte[] id = delivered(5_000);
    f.send(f.buyer, hub.disputeDelivery(id, random32()));
    f.assertReverts("DeadlineNotPassed", f.stranger, hub.refundUnresolvedDispute(id));
    f.anvil.advanceTime(2 * WINDOW + 1);

    assertThat(f.gateway(f.stranger).refundUnresolvedDispute(id).wasSent()).isTrue();

    assertThat(credits(f.buyer)).isEqualTo(AMOUNT);
    assertThat(credits(f.hospital)).isZero();
    assertThat(state(id)).isEqualTo(PurchaseState.REFUNDED);
  }
}
