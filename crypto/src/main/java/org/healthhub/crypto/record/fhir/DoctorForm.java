package org.healthhub.crypto.record.fhir;

import java.util.List;

/**
 * The simple form a doctor fills in (task list, REST API). {@link FormToBundleConverter} turns it
 * into a FHIR R4 Bundle. {@code date} is ISO 8601 (yyyy-MM-dd); {@code gender} is a FHIR
 * administrative gender (male, female, other, unknown); lists may be empty, never null.
 */
public record DoctorForm(
    String patient,
    String date,
    String category,
    int age,
    String gender,
    String location,
    String diagnosis,
    String treatment,
    List<String> medications,
    List<LabResult> labResults,
    String notes,
    String hospital) {

  /** One lab value; {@code unit} may be empty for a textual result. */
  public record LabResult(String name, String value, String unit) {}

  public DoctorForm {
    medications = medications == null ? List.of() : List.copyOf(medications);
    labResults = labResults == null ? List.of() : List.copyOf(labResults);
  }
}
