package org.healthhub.crypto.record.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class FormToBundleConverterTest {
  private final FormToBundleConverter converter = new FormToBundleConverter();

  static DoctorForm sampleForm() {
    return new DoctorForm(
        "Tran Van An", "2026-03-02", "outpatient", 67, "male", "Da Nang",
        "Type 2 diabetes mellitus", "Diet counselling", List.of("Metformin 500 mg", "Atorvastatin 20 mg"),
        List.of(new DoctorForm.LabResult("HbA1c", "7.9", "%"), new DoctorForm.LabResult("Urine ketones", "negative", "")),
        "Follow up in 3 months", "Da Nang General Hospital");
  }

  @Test
  void convert_fullForm_passesFhirValidation() throws Exception {
    Bundle bundle = converter.convert(sampleForm());

    Bundle reparsed = (Bundle) FhirRecords.validate(FhirRecords.toJson(bundle)).resource();

    assertThat(reparsed.getEntry().stream().map(e -> e.getResource().fhirType()))
        .containsExactly("Patient", "Encounter", "Observation", "Condition", "Procedure",
            "MedicationStatement", "MedicationStatement", "Observation", "Observation", "DiagnosticReport");
  }

  @Test
  void convert_age_becomesLoincAgeObservation() throws Exception {
    Resource age = converter.convert(sampleForm()).getEntry().get(2).getResource();

    assertThat(((Observation) age).getCode().getCodingFirstRep().getCode()).isEqualTo(FormToBundleConverter.AGE_CODE);
    assertThat(((Observation) age).getValueQuantity().getValue().intValue()).isEqualTo(67);
  }

  @Test
  void readForm_json_convertsLikeTheRecord() throws Exception {
    String json = "{\"patient\":\"A\",\"date\":\"2026-01-05\",\"category\":\"emergency\",\"age\":30,\"gender\":\"female\","
        + "\"location\":\"Hue\",\"diagnosis\":\"Appendicitis\",\"treatment\":\"Appendectomy\",\"medications\":[],"
        + "\"labResults\":[],\"notes\":\"\",\"hospital\":\"Hue Central\"}";

    Bundle bundle = converter.convert(FormToBundleConverter.readForm(json));

    assertThat(FhirRecords.validate(FhirRecords.toJson(bundle)).resource()).isInstanceOf(Bundle.class);
  }

  @Test
  void convert_badFields_listsEachFormPath() {
    DoctorForm bad = new DoctorForm("", "02/03/2026", "outpatient", 200, "f", null, "x", null, null, null, null, null);

    InvalidRecordException e = catchThrowableOfType(() -> converter.convert(bad), InvalidRecordException.class);

    assertThat(e.failingPaths()).containsExactlyInAnyOrder("form.patient", "form.age", "form.gender", "form.date");
  }

  @Test
  void readForm_unknownField_throwsInvalidRecord() {
    InvalidRecordException e =
        catchThrowableOfType(() -> FormToBundleConverter.readForm("{\"patient\":\"A\",\"ssn\":\"1\"}"), InvalidRecordException.class);

    assertThat(e.failures()).isNotEmpty();
  }
}
