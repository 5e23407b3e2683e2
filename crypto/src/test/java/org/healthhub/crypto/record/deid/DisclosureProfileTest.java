package org.healthhub.crypto.record.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedSet;
import org.healthhub.crypto.record.merkle.CanonicalJson;
import org.healthhub.crypto.record.merkle.RecordFields;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DisclosureProfileTest {
  /** For each Safe Harbor identifier, a leaf of identifiers-bundle.json that holds one. */
  private static final Map<SafeHarborIdentifier, String> EXAMPLES = new EnumMap<>(SafeHarborIdentifier.class);
  private static JsonNode record;
  private static RecordFields fields;
  private final DisclosureProfile profile = DisclosureProfile.safeHarbor();

  static {
    String patient = "/entry/0/resource";
    EXAMPLES.put(SafeHarborIdentifier.NAMES, patient + "/name/0/family");
    EXAMPLES.put(SafeHarborIdentifier.GEOGRAPHIC_SUBDIVISIONS, patient + "/address/0/city");
    EXAMPLES.put(SafeHarborIdentifier.DATES_AND_AGES_OVER_89, patient + "/birthDate");
    EXAMPLES.put(SafeHarborIdentifier.TELEPHONE_NUMBERS, patient + "/telecom/0/value");
    EXAMPLES.put(SafeHarborIdentifier.FAX_NUMBERS, patient + "/telecom/1/value");
    EXAMPLES.put(SafeHarborIdentifier.EMAIL_ADDRESSES, patient + "/telecom/2/value");
    EXAMPLES.put(SafeHarborIdentifier.SOCIAL_SECURITY_NUMBERS, patient + "/identifier/0/value");
    EXAMPLES.put(SafeHarborIdentifier.MEDICAL_RECORD_NUMBERS, patient + "/identifier/1/value");
    EXAMPLES.put(SafeHarborIdentifier.HEALTH_PLAN_BENEFICIARY_NUMBERS, patient + "/identifier/2/value");
    EXAMPLES.put(SafeHarborIdentifier.ACCOUNT_NUMBERS, patient + "/identifier/3/value");
    EXAMPLES.put(SafeHarborIdentifier.CERTIFICATE_LICENSE_NUMBERS, patient + "/identifier/4/value");
    EXAMPLES.put(SafeHarborIdentifier.VEHICLE_IDENTIFIERS, patient + "/identifier/5/value");
    EXAMPLES.put(SafeHarborIdentifier.DEVICE_IDENTIFIERS, "/entry/3/resource/serialNumber");
    EXAMPLES.put(SafeHarborIdentifier.URLS, patient + "/telecom/3/value");
    EXAMPLES.put(SafeHarborIdentifier.IP_ADDRESSES, patient + "/extension/0/valueString");
    EXAMPLES.put(SafeHarborIdentifier.BIOMETRIC_IDENTIFIERS, "/entry/4/resource/content/url");
    EXAMPLES.put(SafeHarborIdentifier.FULL_FACE_PHOTOGRAPHS, patient + "/photo/0/url");
    EXAMPLES.put(SafeHarborIdentifier.OTHER_UNIQUE_IDENTIFIERS, "/entry/0/fullUrl");
  }

  @BeforeAll
  static void load() throws Exception {
    try (var in = DisclosureProfileTest.class.getResourceAsStream("/record/identifiers-bundle.json")) {
      record = CanonicalJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    fields = SafeHarborGeneralizer.fieldsWithGeneralizations(record);
  }

  @ParameterizedTest
  @EnumSource(SafeHarborIdentifier.class)
  void classify_exampleLeaf_isThatIdentifier(SafeHarborIdentifier identifier) {
    String pointer = EXAMPLES.get(identifier);

    assertThat(pointer).as("example for " + identifier).isNotNull();
    assertThat(SafeHarborClassifier.classify(FieldPaths.context(record, pointer, fields.asMap().get(pointer))))
        .contains(identifier);
  }

  @ParameterizedTest
  @EnumSource(SafeHarborIdentifier.class)
  void select_templateAskingForIdentifier_isRefused(SafeHarborIdentifier identifier) {
    String pointer = EXAMPLES.get(identifier);
    String elementPath = FieldPaths.context(record, pointer, fields.asMap().get(pointer)).elementPath();

    DisclosureDeniedException e =
        catchThrowableOfType(() -> profile.select(record, fields, BuyerTemplate.of(elementPath)), DisclosureDeniedException.class);

    assertThat(e).as(elementPath).isNotNull();
    assertThat(e.denials()).allSatisfy(d -> assertThat(d.identifier()).isPresent());
  }

  @Test
  void classify_exactAgeOver89_isAgeIdentifier() {
    String pointer = "/entry/2/resource/valueQuantity/value";

    assertThat(SafeHarborClassifier.classify(FieldPaths.context(record, pointer, fields.asMap().get(pointer))))
        .contains(SafeHarborIdentifier.DATES_AND_AGES_OVER_89);
  }

  @Test
  void select_generalizedFields_areDisclosedAsYearsAndOneGroupOver89() throws Exception {
    BuyerTemplate template = BuyerTemplate.of(
        "Patient.gender", "Patient.address.state", "Patient.birthDate~year",
        "Observation:age.valueQuantity.value~band", "Encounter.period.start~year", "Condition.code.text");

    SortedSet<String> selected = profile.select(record, fields, template);

    assertThat(selected).hasSize(6);
    assertThat(fields.asMap().get("/entry/0/resource/birthDate~year")).isEqualTo("\"90+\"");
    assertThat(fields.asMap().get("/entry/2/resource/valueQuantity/value~band")).isEqualTo("\"90+\"");
    assertThat(fields.asMap().get("/entry/1/resource/period/start~year")).isEqualTo("\"2026\"");
  }

  @Test
  void check_fieldOutsideAllowlist_isRefusedWithReason() {
    DisclosureDeniedException e =
        catchThrowableOfType(() -> profile.check(BuyerTemplate.of("Patient.maritalStatus.text", "Condition.code.text")),
            DisclosureDeniedException.class);

    assertThat(e.denials()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("Patient.maritalStatus.text");
      assertThat(d.reason()).contains("allowlist");
    });
  }

  @Test
  void check_exactDatesAndNames_areRefusedByPathAlone() {
    DisclosureDeniedException e = catchThrowableOfType(
        () -> profile.check(BuyerTemplate.of("Patient.birthDate", "Patient.name.family", "Encounter.period.start", "Condition.code.text")),
        DisclosureDeniedException.class);

    assertThat(e.denials()).extracting(DisclosureDeniedException.Denial::path)
        .containsExactlyInAnyOrder("Patient.birthDate", "Patient.name.family", "Encounter.period.start");
  }

  @Test
  void generalize_identifierThatLooksLikeADate_getsNoYearLeaf() throws Exception {
    JsonNode patient = CanonicalJson.parse("{\"resourceType\":\"Patient\",\"identifier\":[{\"value\":\"2020-12345\"}]}");

    assertThat(SafeHarborGeneralizer.fieldsWithGeneralizations(patient).asMap()).doesNotContainKey("/identifier/0/value~year");
  }
}
