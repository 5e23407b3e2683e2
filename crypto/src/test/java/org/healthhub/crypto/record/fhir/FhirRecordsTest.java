package org.healthhub.crypto.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class FhirRecordsTest {
  static String validBundle() throws Exception {
    try (var in = FhirRecordsTest.class.getResourceAsStream("/record/valid-bundle.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void validate_validBundle_returnsResources() throws Exception {
    Bundle bundle = (Bundle) FhirRecords.validate(validBundle()).resource();

    assertThat(bundle.getEntry()).hasSize(3);
    assertThat(((Patient) bundle.getEntryFirstRep().getResource()).getGender().toCode()).isEqualTo("female");
  }

  @Test
  void validate_badCodeAndUnknownElement_listsEveryFailingPath() throws Exception {
    String broken = validBundle().replace("\"gender\": \"female\"", "\"gender\": \"fem\", \"shoeSize\": 41");

    InvalidRecordException e = catchThrowableOfType(() -> FhirRecords.validate(broken), InvalidRecordException.class);

    assertThat(e.failingPaths()).anySatisfy(p -> assertThat(p).contains("gender"));
    assertThat(e.failingPaths()).anySatisfy(p -> assertThat(p).contains("entry[0]"));
    assertThat(e.failures()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void validate_missingRequiredElement_namesIt() throws Exception {
    String broken = validBundle().replace("\"status\": \"finished\",", "");

    InvalidRecordException e = catchThrowableOfType(() -> FhirRecords.validate(broken), InvalidRecordException.class);

    assertThat(e.failures()).anySatisfy(f -> assertThat(f.path() + " " + f.message()).contains("status"));
  }

  @Test
  void validate_notJson_throwsInvalidRecord() {
    InvalidRecordException e = catchThrowableOfType(() -> FhirRecords.validate("{\"resourceType\": "), InvalidRecordException.class);

    assertThat(e.failures()).isNotEmpty();
  }
}
