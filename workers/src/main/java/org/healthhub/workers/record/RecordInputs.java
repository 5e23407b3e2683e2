package org.healthhub.workers.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.fhir.FormToBundleConverter;
import org.healthhub.crypto.record.fhir.InvalidRecordException;
import org.healthhub.crypto.record.fhir.ValidatedRecord;

/**
 * What a doctor submits for a record, before it is validated: the simple form's fields or FHIR
 * JSON. Inputs arrive as process variables named {@code form_<field>} (or {@code fhirJson}), are
 * sealed at once (see the processes module) and reach the handlers only through the sealed intake.
 */
public final class RecordInputs {

  /** Prefix of every variable that carries a field of the doctor's form. */
  public static final String FORM_PREFIX = "form_";
  /** The variable that carries a FHIR JSON record given through REST. */
  public static final String FHIR_JSON = "fhirJson";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LIST_FIELDS = List.of("medications", "labResults");

  private RecordInputs() {}

  /** Whether a variable of this name carries plaintext medical data. */
  public static boolean isPlaintext(String variableName) {
    return variableName.startsWith(FORM_PREFIX) || variableName.equals(FHIR_JSON);
  }

  /** The intake document (JSON) built from the plaintext variables among {@code variables}. */
  public static byte[] intakeOf(Map<String, Object> variables) throws IOException {
    ObjectNode intake = JSON.createObjectNode();
    Object fhir = variables.get(FHIR_JSON);
    if (fhir != null) {
      intake.put("fhir", fhir.toString());
      return JSON.writeValueAsBytes(intake);
    }
    ObjectNode form = intake.putObject("form");
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      if (!variable.getKey().startsWith(FORM_PREFIX) || variable.getValue() == null) {
        continue;
      }
      String field = variable.getKey().substring(FORM_PREFIX.length());
      Object value = variable.getValue();
      if (field.equals("medications") && value instanceof String text) {
        var medications = form.putArray(field);
        for (String medication : text.split("[,\\n]")) {
          if (!medication.isBlank()) {
            medications.add(medication.strip());
          }
        }
      } else if (field.equals("labResults") && value instanceof String text) {
        form.set(field, text.isBlank() ? JSON.createArrayNode() : labResults(text));
      } else {
        form.set(field, JSON.valueToTree(value));
      }
    }
    for (String list : LIST_FIELDS) {
      if (!form.has(list)) {
        form.putArray(list);
      }
    }
    return JSON.writeValueAsBytes(intake);
  }

  /** Parses the lab results; the message never quotes the input (it is medical data and gets logged). */
  private static JsonNode labResults(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(FORM_PREFIX + "labResults is not a JSON list of {name, value, unit}");
    }
  }

  /**
   * The FHIR R4 record the intake stands for, validated: the form converted to a Bundle, or the
   * FHIR JSON given.
   *
   * @throws InvalidRecordException if the form or the record is not valid
   */
  public static ValidatedRecord fhirOf(byte[] intake) throws InvalidRecordException {
    JsonNode json;
    try {
      json = JSON.readTree(new String(intake, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidRecordException(List.of(new InvalidRecordException.Failure("intake", "not JSON")));
    }
    String fhir;
    if (json.has("fhir")) {
      fhir = json.get("fhir").asText();
    } else {
      fhir = FhirRecords.toJson(new FormToBundleConverter().convert(FormToBundleConverter.readForm(json.path("form").toString())));
    }
    return FhirRecords.validate(fhir);
  }
}
