package org.healthhub.crypto.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.merkle.CanonicalJson;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;

/**
 * Reads and writes FHIR R4 records in JSON. Every record is validated against the base R4
 * profiles (structure, cardinality, value sets that need no terminology server) before use.
 */
public final class FhirRecords {
  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private FhirRecords() {}

  /**
   * Validates a record once; what it returns is the proof that it was.
   *
   * @throws InvalidRecordException with every error's path if the JSON is not a valid R4 resource
   */
  public static ValidatedRecord validate(String json) throws InvalidRecordException {
    JsonNode document;
    try {
      document = CanonicalJson.parse(json);
      // Every value must canonicalize, as the Merkle leaves over the record will.
      CanonicalJson.canonicalize(document);
    } catch (MalformedInputException e) {
      throw new InvalidRecordException(List.of(new InvalidRecordException.Failure("(document)", e.getMessage())));
    }
    List<InvalidRecordException.Failure> failures =
        Validator.POOL.validate(json, document).stream()
            .filter(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
            .map(m -> new InvalidRecordException.Failure(
                m.getLocation() == null ? "(document)" : m.getLocation(), m.getMessage()))
            .toList();
    if (!failures.isEmpty()) {
      throw new InvalidRecordException(failures);
    }
    try {
      parseResource(json);
    } catch (DataFormatException | ClassCastException e) {
      throw new InvalidRecordException(List.of(new InvalidRecordException.Failure("(document)", e.getMessage())));
    }
    return new ValidatedRecord(json);
  }

  static Resource parseValidated(String validatedJson) {
    try {
      return parseResource(validatedJson);
    } catch (DataFormatException | ClassCastException e) {
      throw new IllegalStateException("a validated record no longer parses", e);
    }
  }

  private static Resource parseResource(String json) {
    return (Resource) CONTEXT.newJsonParser().parseResource(json);
  }

  /** Serializes a resource as compact FHIR JSON. */
  public static String toJson(Resource resource) {
    return CONTEXT.newJsonParser().encodeResourceToString(resource);
  }

  /** Built on first use: loading the R4 profiles takes seconds, so it happens once per JVM. */
  private static final class Validator {
    static final InstanceValidatorPool POOL =
        new InstanceValidatorPool(
            new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT)));
  }
}
