package org.healthhub.workers.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.record.RecordVariables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryCommitmentTest {
  private static final byte[] PURCHASE = RecordVariables.sha256("purchase".getBytes());
  private static final byte[] SIGNATURE_DIGEST = RecordVariables.sha256("signature".getBytes());

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8})
  void leadsTo_everyRecordThroughItsPath_reachesTheRoot(int count) throws Exception {
    List<DeliveredRecord> delivered = delivery(count);
    byte[] root = DeliveryCommitment.root(delivered);

    for (int i = 0; i < count; i++) {
      assertThat(DeliveryCommitment.leadsTo(root, delivered.get(i), i, count, DeliveryCommitment.path(delivered, i)))
          .as("record %d of %d", i, count).isTrue();
    }
  }

  @Test
  void leadsTo_recordWithAnotherRootOrAtAnotherPlace_doesNotReachTheRoot() throws Exception {
    List<DeliveredRecord> delivered = delivery(3);
    byte[] root = DeliveryCommitment.root(delivered);
    DeliveredRecord genuine = delivered.get(1);
    DeliveredRecord otherRoot = new DeliveredRecord("00".repeat(32), genuine.hospitalGroupId(), genuine.signature(),
        genuine.disclosure());
    List<byte[]> path = DeliveryCommitment.path(delivered, 1);

    assertThat(DeliveryCommitment.leadsTo(root, otherRoot, 1, 3, path)).isFalse();
    assertThat(DeliveryCommitment.leadsTo(root, genuine, 0, 3, path)).isFalse();
    assertThat(DeliveryCommitment.leadsTo(root, genuine, 1, 4, path)).isFalse();
  }

  @Test
  void leadsTo_pathOfTheWrongLengthOrPlaceOutside_throwsTyped() throws Exception {
    List<DeliveredRecord> delivered = delivery(4);
    byte[] root = DeliveryCommitment.root(delivered);
    List<byte[]> path = DeliveryCommitment.path(delivered, 2);
    List<byte[]> longer = new ArrayList<>(path);
    longer.add(new byte[32]);

    assertThatThrownBy(() -> DeliveryCommitment.leadsTo(root, delivered.get(2), 2, 4, path.subList(0, 1)))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("shorter");
    assertThatThrownBy(() -> DeliveryCommitment.leadsTo(root, delivered.get(2), 2, 4, longer))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("longer");
    assertThatThrownBy(() -> DeliveryCommitment.leadsTo(root, delivered.get(2), 4, 4, path))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> DeliveryCommitment.leadsTo(root, delivered.get(2), 2, 4, List.of(new byte[31], new byte[32])))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void disputedRecord_sealedToTheManagers_eachOpensItAndItLeadsToTheCommitment() throws Exception {
    X25519KeyPair gm = X25519KeyPair.generate();
    X25519KeyPair rm = X25519KeyPair.generate();
    List<DeliveredRecord> delivered = delivery(3);
    byte[] sealed = DisputedRecord.of(delivered, 2).sealTo(new ManagerKeys(gm.publicKey(), rm.publicKey()), PURCHASE,
        SIGNATURE_DIGEST);

    for (var reader : List.of(ManagerRole.GROUP_MANAGER, ManagerRole.REVOCATION_MANAGER)) {
      DisputedRecord opened = DisputedRecord.open(sealed, reader, reader == ManagerRole.GROUP_MANAGER ? gm : rm,
          PURCHASE, SIGNATURE_DIGEST);
      assertThat(opened.record().merkleRoot()).isEqualTo(delivered.get(2).merkleRoot());
      assertThat(opened.deliveredUnder(DeliveryCommitment.root(delivered))).isTrue();
      assertThat(opened.deliveredUnder(DeliveryCommitment.root(delivered.subList(0, 2)))).isFalse();
    }
    assertThatThrownBy(() -> DisputedRecord.open(sealed, ManagerRole.GROUP_MANAGER, gm, PURCHASE, PURCHASE))
        .as("sealed for another disputed signature").isInstanceOf(GeneralSecurityException.class);
  }

  private static List<DeliveredRecord> delivery(int count) throws Exception {
    List<DeliveredRecord> delivered = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ProtectedRecord record = ProtectedRecord.of(FhirRecords.validate(DeliveryBundleTest.PATIENT), SecretBytes.random(32));
      delivered.add(new DeliveredRecord(RecordVariables.hex(record.root()), "st-mary", "signature-" + i,
          record.disclose(BuyerTemplate.of("Condition.code.text", "Patient.gender"), DisclosureProfile.safeHarbor())));
    }
    return delivered;
  }
}
