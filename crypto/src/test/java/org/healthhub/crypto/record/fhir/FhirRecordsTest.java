package org.healthhub.crypto.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  void validate_jsonThatIsNoResource_throwsInvalidRecord() {
    for (String notAResource : List.of("[]", "42", "{}", "{\"resourceType\": \"NoSuchType\"}", "{\"resourceType\": 7}")) {
      assertThat(catchThrowableOfType(() -> FhirRecords.validate(notAResource), InvalidRecordException.class))
          .as(notAResource).isNotNull();
    }
  }

  @Test
  void validate_unknownMetaProfile_rejectsNamingTheProfile() throws Exception {
    String withProfile = validBundle().replaceFirst("\"type\": \"collection\",",
        "\"type\": \"collection\", \"meta\": {\"profile\": [\"http://example.org/StructureDefinition/unknown\"]},");

    InvalidRecordException e = catchThrowableOfType(() -> FhirRecords.validate(withProfile), InvalidRecordException.class);

    assertThat(e.failures()).anySatisfy(f -> assertThat(f.message()).contains("http://example.org/StructureDefinition/unknown"));
  }

  @Test
  void validate_goodAndBadRecordsInTurnOnSeveralThreads_eachGetsItsOwnVerdict() throws Exception {
    String good = validBundle();
    String bad = good.replace("\"gender\": \"female\"", "\"gender\": \"fem\"");
    List<InvalidRecordException.Failure> expected =
        catchThrowableOfType(() -> FhirRecords.validate(bad), InvalidRecordException.class).failures();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 40; i++) {
            assertThat(FhirRecords.validate(good).json()).isEqualTo(good);
            assertThat(catchThrowableOfType(() -> FhirRecords.validate(bad), InvalidRecordException.class).failures())
                .isEqualTo(expected);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
