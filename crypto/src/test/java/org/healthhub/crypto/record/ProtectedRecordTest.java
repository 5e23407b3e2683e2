package org.healthhub.crypto.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureDeniedException;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.crypto.record.envelope.RecordEnvelope;
import org.healthhub.crypto.record.fhir.DoctorForm;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.fhir.FormToBundleConverter;
import org.healthhub.crypto.record.fhir.InvalidRecordException;
import org.healthhub.crypto.record.fhir.ValidatedRecord;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.merkle.Disclosure;
import org.healthhub.crypto.record.merkle.MerkleVerifier;
import org.junit.jupiter.api.Test;

class ProtectedRecordTest {
  private static final SecretBytes SECRET = SecretBytes.random(32);

  private static ValidatedRecord formBundle() throws Exception {
    DoctorForm form = new DoctorForm(
        "Le Thi Hoa", "2026-02-11", "inpatient", 93, "female", "Hue", "Community-acquired pneumonia",
        "IV antibiotics", List.of("Ceftriaxone 1 g"), List.of(new DoctorForm.LabResult("CRP", "86", "mg/L")),
        "Lives with daughter", "Hue Central Hospital");
    return FhirRecords.validate(FhirRecords.toJson(new FormToBundleConverter().convert(form)));
  }

  @Test
  void buyerDisclosure_fromForm_verifiesAgainstSignedRoot() throws Exception {
    ProtectedRecord record = ProtectedRecord.of(formBundle(), SECRET);
    BuyerTemplate template = BuyerTemplate.of(
        "Patient.gender", "Condition.code.text", "Observation:age.valueQuantity.value~band",
        "Encounter.period.start~year", "Observation.valueQuantity.value", "Observation.code.text");

    Disclosure disclosure = record.disclose(template, DisclosureProfile.safeHarbor());

    assertThatCode(() -> MerkleVerifier.verify(record.rootMessage("ps16", "group-1").root(), disclosure))
        .doesNotThrowAnyException();
    assertThat(disclosure.fields()).extracting(f -> f.canonicalValue())
        .contains("\"female\"", "\"Community-acquired pneumonia\"", "\"90+\"", "\"2026\"", "86", "\"CRP\"")
        .doesNotContain("93", "\"Le Thi Hoa\"");
  }

  @Test
  void buyerDisclosure_askingForName_isRefused() throws Exception {
    ProtectedRecord record = ProtectedRecord.of(formBundle(), SECRET);

    assertThatThrownBy(() -> record.disclose(BuyerTemplate.of("Patient.name.text"), DisclosureProfile.safeHarbor()))
        .isInstanceOf(DisclosureDeniedException.class)
        .hasMessageContaining("Patient.name.text");
  }

  @Test
  void validate_invalidFhir_isRejectedBeforeAnyTree() {
    assertThatThrownBy(() -> FhirRecords.validate("{\"resourceType\":\"Patient\",\"gender\":\"x\"}"))
        .isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void validate_valueNoLeafCanCarry_isRejected() {
    assertThatThrownBy(() -> FhirRecords.validate("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"\\ud800\"}]}"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void sealedRecord_opensForDoctorAndRebuildsSameRoot() throws Exception {
    ValidatedRecord validated = formBundle();
    String json = validated.json();
    byte[] root = ProtectedRecord.of(validated, SECRET).root();
    X25519KeyPair patient = X25519KeyPair.generate();
    X25519KeyPair doctor = X25519KeyPair.generate();
    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
    RecordEnvelope envelope = RecordEnvelope.seal(
            "rec-1", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sealed, Map.of("patient", patient.publicKey()))
        .share("patient", patient, "doctor", doctor.publicKey());

    String opened;
    try (InputStream in = envelope.open("doctor", doctor, new ByteArrayInputStream(sealed.toByteArray()))) {
      opened = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(ProtectedRecord.of(FhirRecords.validate(opened), SECRET).root()).isEqualTo(root);
  }
}
