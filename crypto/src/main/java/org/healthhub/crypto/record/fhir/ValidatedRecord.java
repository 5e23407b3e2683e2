package org.healthhub.crypto.record.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * A record that passed {@link FhirRecords#validate}: valid FHIR R4 JSON (base profiles, structure,
 * cardinality, value sets that need no terminology server) and canonical JSON. Only the validator
 * makes one, so code that takes a {@code ValidatedRecord} never validates again. Immutable; its
 * {@link #toString()} never shows the record (medical data).
 */
public final class ValidatedRecord {
  private final String json;

  ValidatedRecord(String json) {
    this.json = json;
  }

  /** The FHIR JSON exactly as validated. */
  public String json() {
    return json;
  }

  /** The record parsed into HAPI's model: a fresh copy each call, the caller may change it. */
  public Resource resource() {
    return FhirRecords.parseValidated(json);
  }

  @Override
  public String toString() {
    return "ValidatedRecord[" + json.length() + " chars, redacted]";
  }
}
