package org.healthhub.crypto.record.fhir;

import java.util.List;

/** A record that is not a valid FHIR R4 resource; {@link #failures()} lists every failing path. */
public final class InvalidRecordException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<Failure> failures;

  /** One validation error: where (a FHIRPath location) and why. */
  public record Failure(String path, String message) {}

  public InvalidRecordException(List<Failure> failures) {
    super("invalid FHIR R4 record: " + failures.size() + " error(s), first at "
        + (failures.isEmpty() ? "?" : failures.get(0).path() + ": " + failures.get(0).message()));
    this.failures = List.copyOf(failures);
  }

  public List<Failure> failures() {
    return failures;
  }

  public List<String> failingPaths() {
    return failures.stream().map(Failure::path).distinct().toList();
  }
}
