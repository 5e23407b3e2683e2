package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.chain.testing.TestBytes.random32;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.chain.generated.DataHub;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

class DataHubRecordsTest extends DeployedDataHubTest {
  private RecordAnchor newRecord(Credentials patient) {
    return new RecordAnchor(random32(), random32(), random32(), patient.getAddress());
  }

  @Test
  void anchorRecord_byHospital_storesPatientAndEmitsDigests() throws Exception {
    RecordAnchor r = newRecord(f.patients.get(0));
    TransactionReceipt receipt = f.send(f.hospital, hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), r.patient()));

    assertThat(hub.patientOf(r.root()).send()).isEqualToIgnoringCase(r.patient());
    DataHub.RecordAnchoredEventResponse event = DataHub.getRecordAnchoredEvents(receipt).get(0);
    assertThat(event.root).isEqualTo(r.root());
    assertThat(event.cidDigest).isEqualTo(r.cidDigest());
    assertThat(event.signatureDigest).isEqualTo(r.signatureDigest());
  }

  @Test
  void anchorRecord_twice_revertsRecordAlreadyAnchored() throws Exception {
    RecordAnchor r = newRecord(f.patients.get(0));
    f.send(f.hospital, hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), r.patient()));
    f.assertReverts("RecordAlreadyAnchored", f.hospital,
        hub.anchorRecord(r.root(), random32(), random32(), f.stranger.getAddress()));
  }

  @Test
  void anchorRecord_byNonHospital_revertsNotHospital() {
    RecordAnchor r = newRecord(f.patients.get(0));
    f.assertReverts("NotHospital", f.stranger, hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), r.patient()));
  }

  @Test
  void anchorRecord_zeroPatient_revertsZeroAddress() {
    RecordAnchor r = newRecord(f.patients.get(0));
    f.assertReverts("ZeroAddress", f.hospital,
        hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), "0x0000000000000000000000000000000000000000"));
  }

  @Test
  void batch_anchoredRoot_provesEveryRecordAndRejectsOthers() throws Exception {
    List<RecordAnchor> records = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      records.add(newRecord(f.patients.get(i % 3)));
    }
    RecordMerkleTree tree = new RecordMerkleTree(records);
    TransactionReceipt receipt = f.send(f.hospital, hub.anchorBatch(tree.root(), BigInteger.valueOf(7), random32()));

    assertThat(DataHub.getBatchAnchoredEvents(receipt).get(0).size).isEqualTo(BigInteger.valueOf(7));
    DataHubGateway gateway = f.gateway(f.stranger);
    for (int i = 0; i < tree.size(); i++) {
      assertThat(hub.recordLeaf(records.get(i).root(), records.get(i).cidDigest(), records.get(i).signatureDigest(),
          records.get(i).patient()).send()).isEqualTo(RecordMerkleTree.leaf(records.get(i)));
      assertThat(gateway.verifyBatchedRecord(tree.root(), records.get(i), tree.proof(i))).isTrue();
    }
    assertThat(gateway.verifyBatchedRecord(tree.root(), records.get(1), tree.proof(2))).isFalse();
    assertThat(gateway.verifyBatchedRecord(random32(), records.get(0), tree.proof(0))).isFalse();
  }

  @Test
  void anchorBatch_twiceOrEmpty_reverts() throws Exception {
    byte[] root = random32();
    f.send(f.hospital, hub.anchorBatch(root, BigInteger.ONE, random32()));
    f.assertReverts("BatchAlreadyAnchored", f.hospital, hub.anchorBatch(root, BigInteger.ONE, random32()));
    f.assertReverts("EmptyBatch", f.hospital, hub.anchorBatch(random32(), BigInteger.ZERO, random32()));
    f.assertReverts("ZeroDigest", f.hospital, hub.anchorBatch(new byte[32], BigInteger.ONE, random32()));
    f.assertReverts("ZeroDigest", f.hospital, hub.anchorBatch(random32(), BigInteger.ONE, new byte[32]));
    f.assertReverts("NotHospital", f.stranger, hub.anchorBatch(random32(), BigInteger.ONE, random32()));
  }

  @Test
  void claimBatchedRecord_validProof_givesPatientOwnership() throws Exception {
    List<RecordAnchor> records = List.of(newRecord(f.patients.get(0)), newRecord(f.patients.get(1)),
        newRecord(f.patients.get(2)));
    RecordMerkleTree tree = new RecordMerkleTree(records);
    f.send(f.hospital, hub.anchorBatch(tree.root(), BigInteger.valueOf(3), random32()));
    RecordAnchor r = records.get(2);

    f.assertReverts("InvalidProof", f.stranger, hub.claimBatchedRecord(tree.root(), r.root(), r.cidDigest(),
        r.signatureDigest(), f.stranger.getAddress(), tree.proof(2)));
    TransactionReceipt receipt = f.send(f.stranger,
        hub.claimBatchedRecord(tree.root(), r.root(), r.cidDigest(), r.signatureDigest(), r.patient(), tree.proof(2)));

    assertThat(DataHub.getBatchedRecordClaimedEvents(receipt).get(0).batchRoot).isEqualTo(tree.root());
    assertThat(f.gateway(f.stranger).patientOf(r.root())).isEqualToIgnoringCase(r.patient());
    f.assertReverts("RecordAlreadyAnchored", f.stranger,
        hub.claimBatchedRecord(tree.root(), r.root(), r.cidDigest(), r.signatureDigest(), r.patient(), tree.proof(2)));
  }

  @Test
  void shares_grantAndRevoke_leaveAnAuditTrail() throws Exception {
    Credentials patient = f.patients.get(0);
    RecordAnchor r = newRecord(patient);
    f.send(f.hospital, hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), r.patient()));
    long expiry = f.anvil.now() + 86_400;

    TransactionReceipt granted = f.send(patient, hub.grantShare(r.root(), f.buyer.getAddress(), BigInteger.valueOf(expiry)));
    assertThat(DataHub.getShareGrantedEvents(granted).get(0).expiresAt).isEqualTo(BigInteger.valueOf(expiry));
    assertThat(hub.hasShare(r.root(), f.buyer.getAddress()).send()).isTrue();

    TransactionReceipt revoked = f.send(patient, hub.revokeShare(r.root(), f.buyer.getAddress()));
    assertThat(DataHub.getShareRevokedEvents(revoked).get(0).grantee).isEqualToIgnoringCase(f.buyer.getAddress());
    assertThat(hub.hasShare(r.root(), f.buyer.getAddress()).send()).isFalse();
    f.assertReverts("ShareNotActive", patient, hub.revokeShare(r.root(), f.buyer.getAddress()));
  }

  @Test
  void shares_byOthersOrInvalid_revert() throws Exception {
    RecordAnchor r = newRecord(f.patients.get(0));
    f.send(f.hospital, hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), r.patient()));
    BigInteger later = BigInteger.valueOf(f.anvil.now() + 100);

    f.assertReverts("NotRecordPatient", f.hospital, hub.grantShare(r.root(), f.buyer.getAddress(), later));
    f.assertReverts("NotRecordPatient", f.stranger, hub.revokeShare(r.root(), f.buyer.getAddress()));
    f.assertReverts("RecordNotAnchored", f.patients.get(0), hub.grantShare(random32(), f.buyer.getAddress(), later));
    f.assertReverts("ExpiryNotInFuture", f.patients.get(0),
        hub.grantShare(r.root(), f.buyer.getAddress(), BigInteger.valueOf(f.anvil.now())));
    f.assertReverts("ZeroAddress", f.patients.get(0),
        hub.grantShare(r.root(), "0x0000000000000000000000000000000000000000", later));
  }

  @Test
  void share_pastExpiry_isInactive() throws Exception {
    Credentials patient = f.patients.get(1);
    RecordAnchor r = newRecord(patient);
    f.send(f.hospital, hub.anchorRecord(r.root(), r.cidDigest(), r.signatureDigest(), r.patient()));
    f.send(patient, hub.grantShare(r.root(), f.buyer.getAddress(), BigInteger.valueOf(f.anvil.now() + 60)));

    f.anvil.advanceTime(61);

    assertThat(hub.hasShare(r.root(), f.buyer.getAddress()).send()).isFalse();
    f.assertReverts("ShareNotActive", patient, hub.revokeShare(r.root(), f.buyer.getAddress()));
  }
}
