package org.healthhub.processes.opening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.opening.DualControlSetup;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.workers.opening.OpeningGroup;
import org.healthhub.workers.opening.SignedTexts;
import org.healthhub.workers.purchase.DeliveredRecord;

/** A CPY06 group under dual control with one enrolled doctor, made with the real join protocol. */
final class OpeningGroupFixture {
  static final String GROUP_ID = "st-mary";
  static final SignedTexts SIGNED_TEXTS =
      (root, scheme, groupId) -> "healthhub-record-root|" + scheme + "|" + groupId + "|" + HexFormat.of().formatHex(root);
  private static final RandomScalars RNG = RandomScalars.secure();
  private static final String RECORD = """
      {"resourceType":"Bundle","type":"collection","entry":[
       {"fullUrl":"urn:uuid:6f1c2a34-1d0e-4b8e-9a57-0c3f5d2e8b11","resource":{"resourceType":"Patient","gender":"female"}},
       {"fullUrl":"urn:uuid:0b9e7c55-3a21-4f6d-8e42-7d1a9c6b5f20","resource":{"resourceType":"Condition",
        "code":{"text":"angina"},"subject":{"reference":"urn:uuid:6f1c2a34-1d0e-4b8e-9a57-0c3f5d2e8b11"}}}]}
      """;

  final Cpy06 scheme = new Cpy06();
  final DualControlSetup setup;
  final OpeningGroup group;
  final MemberKey doctor;
  final String doctorMemberId;

  OpeningGroupFixture() throws Exception {
    setup = scheme.setupDualControl(RNG);
    Gml gml = setup.gml();
    JoinMessage message = null;
    MemberKey partial = null;
    for (int round = 0; round < (scheme.descriptor().joinMessages() + 1) / 2; round++) {
      ManagerJoinStep managerStep = scheme.joinManager(setup.groupKey(), setup.keys().issuingKey(), gml, message, RNG);
      gml = managerStep.gml();
      MemberJoinStep memberStep = scheme.joinMember(setup.groupKey(), partial, managerStep.message(), RNG);
      partial = memberStep.partialKey();
      message = memberStep.reply();
    }
    doctor = partial;
    doctorMemberId = gml.memberIds().get(0);
    Gml joined = gml;
    group = new OpeningGroup(scheme, setup.groupKey(), setup.keys().commitments(), () -> joined);
  }

  /** The doctor's signature on {@code root}, as the signing flow makes it. */
  GroupSignature sign(byte[] root) throws Exception {
    return scheme.sign(SIGNED_TEXTS.signedText(root, scheme.descriptor().name(), GROUP_ID), doctor, setup.groupKey(),
        RNG);
  }

  /** A fresh record (its own secret, so its own root) a hospital could deliver fields of. */
  static ProtectedRecord record() throws Exception {
    return ProtectedRecord.of(FhirRecords.validate(RECORD), SecretBytes.random(32));
  }

  /** The record as delivered: its gender and diagnosis with their proof, the root and {@code exportedSignature}. */
  static DeliveredRecord delivered(ProtectedRecord record, byte[] exportedSignature) throws Exception {
    return new DeliveredRecord(HexFormat.of().formatHex(record.root()), GROUP_ID,
        new String(exportedSignature, StandardCharsets.US_ASCII),
        record.disclose(BuyerTemplate.of("Condition.code.text", "Patient.gender"), DisclosureProfile.safeHarbor()));
  }

  static byte[] exported(GroupSignature signature) {
    return signature.toBase64().getBytes(StandardCharsets.US_ASCII);
  }

  static String digestOf(byte[] exportedSignature) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(exportedSignature));
  }
}
