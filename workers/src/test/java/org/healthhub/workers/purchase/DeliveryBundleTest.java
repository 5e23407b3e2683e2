package org.healthhub.workers.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureDeniedException;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.crypto.record.merkle.DisclosedField;
import org.healthhub.crypto.record.merkle.MerkleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryBundleTest {
  static final String PATIENT = """
      {"resourceType":"Bundle","type":"collection","entry":[
       {"fullUrl":"urn:uuid:6f1c2a34-1d0e-4b8e-9a57-0c3f5d2e8b11","resource":{"resourceType":"Patient","name":[{"text":"Ada Marker"}],"gender":"female","birthDate":"1961-04-02"}},
       {"fullUrl":"urn:uuid:0b9e7c55-3a21-4f6d-8e42-7d1a9c6b5f20","resource":{"resourceType":"Condition","code":{"text":"angina"},"subject":{"display":"Ada Marker"}}}]}
      """;

  @Test
  void encodeDecode_disclosedFields_roundTripAndStillVerify() throws Exception {
    ProtectedRecord record = ProtectedRecord.of(FhirRecords.validate(PATIENT), SecretBytes.random(32));
    var disclosure = record.disclose(BuyerTemplate.of("Condition.code.text", "Patient.gender"),
        DisclosureProfile.safeHarbor());
    String root = org.healthhub.workers.record.RecordVariables.hex(record.root());

    byte[] bundle = DeliveryBundle.encode("0x" + "ab".repeat(32),
        List.of(new DeliveredRecord(root, "st-mary", "signature-base64", disclosure)));
    List<DeliveredRecord> decoded = DeliveryBundle.decode(bundle);

    assertThat(decoded).hasSize(1);
    assertThat(decoded.get(0).disclosure().fields()).extracting(DisclosedField::canonicalValue)
        .containsExactlyInAnyOrder("\"angina\"", "\"female\"");
    MerkleVerifier.verify(record.root(), decoded.get(0).disclosure());
    assertThat(new String(bundle, StandardCharsets.UTF_8)).doesNotContain("Ada Marker").doesNotContain("1961");
  }

  @Test
  void disclose_forbiddenFieldInTemplate_refusedNamingIt() throws Exception {
    ProtectedRecord record = ProtectedRecord.of(FhirRecords.validate(PATIENT), SecretBytes.random(32));

    assertThatThrownBy(() -> record.disclose(BuyerTemplate.of("Condition.code.text", "Patient.birthDate"),
        DisclosureProfile.safeHarbor()))
        .isInstanceOf(DisclosureDeniedException.class)
        .hasMessageContaining("Patient.birthDate");
    assertThatThrownBy(() -> PurchaseTemplate.checked("Condition.code.text\nPatient.name.text"))
        .isInstanceOf(DisclosureDeniedException.class)
        .hasMessageContaining("Patient.name.text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{}", "{\"records\":[{\"merkleRoot\":\"00\"}]}", "{\"records\":[{\"merkleRoot\":\"00\","
      + "\"hospitalGroupId\":\"g\",\"signature\":\"s\",\"disclosure\":\"{}\"}]}"})
  void decode_malformed_throwsTyped(String text) {
    assertThatThrownBy(() -> DeliveryBundle.decode(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInputException.class);
  }
}
