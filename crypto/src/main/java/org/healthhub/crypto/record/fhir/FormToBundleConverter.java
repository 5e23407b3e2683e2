package org.healthhub.crypto.record.fhir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Turns a {@link DoctorForm} into a FHIR R4 collection Bundle: Patient, Encounter, an age
 * Observation (LOINC 30525-0), Condition, Procedure, one MedicationStatement per medication, one
 * lab Observation per result and a DiagnosticReport over them. The result passes
 * {@link FhirRecords#validate}.
 */
public final class FormToBundleConverter {
  public static final String LOINC = "http://loinc.org";
  public static final String AGE_CODE = "30525-0";
  private static final ObjectMapper FORMS =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Reads the form as the task list and the REST API send it (JSON, field names as in the record). */
  public static DoctorForm readForm(String json) throws InvalidRecordException {
    try {
      return FORMS.readValue(json, DoctorForm.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRecordException(List.of(new InvalidRecordException.Failure("form", e.getOriginalMessage())));
    }
  }

  /** @throws InvalidRecordException listing every form field that is missing or out of range */
  public Bundle convert(DoctorForm form) throws InvalidRecordException {
    check(form);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    DateTimeType date = new DateTimeType(form.date());
    Patient patient = new Patient();
    patient.addName().setText(form.patient());
    patient.setGender(AdministrativeGender.fromCode(form.gender()));
    if (!isBlank(form.location())) {
      patient.addAddress().setCity(form.location());
    }
    Reference subject = add(bundle, patient);

    Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.addType().setText(form.category());
    encounter.setSubject(subject).getPeriod().setStartElement(date.copy());
    if (!isBlank(form.hospital())) {
      encounter.setServiceProvider(new Reference().setDisplay(form.hospital()));
    }
    Reference visit = add(bundle, encounter);

    Observation age = observation(subject, visit, date, new CodeableConcept(new Coding(LOINC, AGE_CODE, "Age")));
    age.setValue(new Quantity().setValue(form.age()).setUnit("a").setSystem("http://unitsofmeasure.org").setCode("a"));
    add(bundle, age);

    Condition condition = new Condition().setSubject(subject).setEncounter(visit);
    condition.getCode().setText(form.diagnosis());
    condition.setRecordedDateElement(date.copy());
    if (!isBlank(form.notes())) {
      condition.addNote().setText(form.notes());
    }
    add(bundle, condition);

    if (!isBlank(form.treatment())) {
      Procedure procedure = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(subject).setEncounter(visit);
      procedure.getCode().setText(form.treatment());
      procedure.setPerformed(date.copy());
      add(bundle, procedure);
    }
    for (String medication : form.medications()) {
      MedicationStatement statement = new MedicationStatement().setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
      statement.setMedication(new CodeableConcept().setText(medication)).setSubject(subject).setContext(visit);
      statement.setEffective(date.copy());
      add(bundle, statement);
    }
    addLabs(bundle, form, subject, visit, date);
    return bundle;
  }

  private void addLabs(Bundle bundle, DoctorForm form, Reference subject, Reference visit, DateTimeType date) {
    if (form.labResults().isEmpty()) {
      return;
    }
    List<Reference> results = new ArrayList<>();
    for (DoctorForm.LabResult lab : form.labResults()) {
      Observation observation = observation(subject, visit, date, new CodeableConcept().setText(lab.name()));
      observation.addCategory(new CodeableConcept(new Coding(
          "http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
      BigDecimal numeric = numeric(lab.value());
      if (numeric != null && !isBlank(lab.unit())) {
        observation.setValue(new Quantity().setValue(numeric).setUnit(lab.unit()));
      } else {
        observation.setValue(new StringType(isBlank(lab.unit()) ? lab.value() : lab.value() + " " + lab.unit()));
      }
      results.add(add(bundle, observation));
    }
    DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
    report.getCode().setText("Laboratory results");
    report.setSubject(subject).setEncounter(visit).setEffective(date.copy());
    report.setResult(results);
    add(bundle, report);
  }

  private static Observation observation(Reference subject, Reference visit, DateTimeType date, CodeableConcept code) {
    Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL).setCode(code);
    observation.setSubject(subject).setEncounter(visit).setEffective(date.copy());
    return observation;
  }

  private static Reference add(Bundle bundle, Resource resource) {
    String url = "urn:uuid:" + UUID.randomUUID();
    bundle.addEntry().setFullUrl(url).setResource(resource);
    return new Reference(url);
  }

  private static void check(DoctorForm form) throws InvalidRecordException {
    List<InvalidRecordException.Failure> failures = new ArrayList<>();
    require(failures, "patient", !isBlank(form.patient()), "required");
    require(failures, "diagnosis", !isBlank(form.diagnosis()), "required");
    require(failures, "category", !isBlank(form.category()), "required");
    require(failures, "age", form.age() >= 0 && form.age() <= 150, "must be 0 to 150, got " + form.age());
    require(failures, "gender", isGender(form.gender()), "must be male, female, other or unknown");
    require(failures, "date", isDate(form.date()), "must be an ISO date yyyy-MM-dd");
    for (int i = 0; i < form.labResults().size(); i++) {
      DoctorForm.LabResult lab = form.labResults().get(i);
      require(failures, "labResults[" + i + "]", lab != null && !isBlank(lab.name()) && !isBlank(lab.value()), "needs a name and a value");
    }
    for (int i = 0; i < form.medications().size(); i++) {
      require(failures, "medications[" + i + "]", !isBlank(form.medications().get(i)), "must not be blank");
    }
    if (!failures.isEmpty()) {
      throw new InvalidRecordException(failures);
    }
  }

  private static void require(List<InvalidRecordException.Failure> failures, String field, boolean ok, String rule) {
    if (!ok) {
      failures.add(new InvalidRecordException.Failure("form." + field, rule));
    }
  }

  private static boolean isGender(String gender) {
    return gender != null && List.of("male", "female", "other", "unknown").contains(gender);
  }

  private static boolean isDate(String date) {
    try {
      LocalDate.parse(date == null ? "" : date);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static BigDecimal numeric(String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
