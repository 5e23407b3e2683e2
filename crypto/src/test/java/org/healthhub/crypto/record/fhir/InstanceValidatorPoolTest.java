package org.healthhub.crypto.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.record.merkle.CanonicalJson;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.junit.jupiter.api.Test;

class InstanceValidatorPoolTest {
  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  /** Each broken record beside the edit that breaks it. */
  private static Map<String, String> brokenRecords() throws Exception {
    String valid = FhirRecordsTest.validBundle();
    return Map.of(
        "valid", valid,
        "bad code, unknown element", valid.replace("\"gender\": \"female\"", "\"gender\": \"fem\", \"shoeSize\": 41"),
        "missing required status", valid.replace("\"status\": \"finished\",", ""),
        "impossible date", valid.replace("\"birthDate\": \"1931-04-12\"", "\"birthDate\": \"1931-13-45\""),
        "unknown class code", valid.replace("\"code\": \"AMB\"", "\"code\": \"NOPE\""),
        "unknown declared profile", valid.replaceFirst("\"type\": \"collection\",",
            "\"type\": \"collection\", \"meta\": {\"profile\": [\"http://example.org/StructureDefinition/unknown\"]},"));
  }

  @Test
  void validate_eachRecordTwice_reportsTheErrorsHapisPerCallValidatorReports() throws Exception {
    IValidationSupport support = new ValidationSupportChain(
        new DefaultProfileValidationSupport(CONTEXT),
        new InMemoryTerminologyServerValidationSupport(CONTEXT),
        new CommonCodeSystemsTerminologyService(CONTEXT),
        new SnapshotGeneratingValidationSupport(CONTEXT));
    FhirValidator hapi = CONTEXT.newValidator();
    hapi.registerValidatorModule(new FhirInstanceValidator(support));
    InstanceValidatorPool pool = new InstanceValidatorPool(support);
    List<String> mismatches = new ArrayList<>();

    for (var record : brokenRecords().entrySet()) {
      List<String> expected = hapi.validateWithResult(record.getValue()).getMessages().stream()
          .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
          .map(m -> m.getLocationString() + ": " + m.getMessage())
          .toList();
      for (int round = 0; round < 2; round++) {
        List<String> actual = pool.validate(record.getValue(), CanonicalJson.parse(record.getValue())).stream()
            .filter(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
            .map(m -> m.getLocation() + ": " + m.getMessage())
            .toList();
        if (!actual.equals(expected)) {
          mismatches.add(record.getKey() + " round " + round + ": expected " + expected + " got " + actual);
        }
        if (!record.getKey().equals("valid")) {
          assertThat(expected).as(record.getKey()).isNotEmpty();
        }
      }
    }

    assertThat(mismatches).isEmpty();
  }
}
