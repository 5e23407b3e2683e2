package org.healthhub.crypto.record.deid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.healthhub.crypto.record.merkle.RecordFields;

/**
 * Which fields of a record may be disclosed: an allowlist of element paths, minus anything the
 * Safe Harbor classifier recognises as an identifier. {@link #safeHarbor()} is the profile for
 * data sales.
 *
 * <p>Patterns: an exact element path, {@code X.**} for X and everything below it, {@code **~year}
 * and {@code **~band} for the generalized leaves.
 */
public final class DisclosureProfile {
  private static final List<String> SAFE_HARBOR_ALLOWED = List.of(
      "Bundle.type", "Bundle.resourceType",
      "Patient.resourceType", "Patient.gender", "Patient.address.state", "Patient.address.country",
      "Encounter.resourceType", "Encounter.status", "Encounter.class.**", "Encounter.type.**",
      "Condition.resourceType", "Condition.code.**", "Condition.category.**", "Condition.clinicalStatus.**",
      "Condition.verificationStatus.**", "Condition.severity.**",
      "Procedure.resourceType", "Procedure.status", "Procedure.code.**",
      "MedicationStatement.resourceType", "MedicationStatement.status", "MedicationStatement.medicationCodeableConcept.**",
      "Observation.resourceType", "Observation.status", "Observation.category.**", "Observation.code.**",
      "Observation.valueQuantity.**", "Observation.valueString", "Observation.valueCodeableConcept.**",
      "Observation.interpretation.**", "Observation.referenceRange.**",
      "Observation:age.resourceType", "Observation:age.status", "Observation:age.code.**",
      "DiagnosticReport.resourceType", "DiagnosticReport.status", "DiagnosticReport.code.**",
      "**~year", "**~band");
  private final List<String> allowed;

  private DisclosureProfile(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** HIPAA Safe Harbor: clinical content, gender, state and country, years and the age band. */
  public static DisclosureProfile safeHarbor() {
    return new DisclosureProfile(SAFE_HARBOR_ALLOWED);
  }

  /**
   * Checks a template before any record is touched.
   *
   * @throws DisclosureDeniedException listing each requested path that is an identifier or outside
   *     the allowlist
   */
  public void check(BuyerTemplate template) throws DisclosureDeniedException {
    List<DisclosureDeniedException.Denial> denials = new ArrayList<>();
    for (String path : template.elementPaths()) {
      deny(FieldContext.pathOnly(path)).ifPresent(denials::add);
    }
    if (!denials.isEmpty()) {
      throw new DisclosureDeniedException(denials);
    }
  }

  /**
   * The leaves (JSON Pointers) of {@code record} that answer {@code template}, each checked again
   * with its value and siblings.
   *
   * @throws DisclosureDeniedException if the template is refused, or a matching leaf turns out to
   *     hold an identifier
   */
  public SortedSet<String> select(JsonNode record, RecordFields fields, BuyerTemplate template)
      throws DisclosureDeniedException {
    check(template);
    SortedSet<String> selected = new TreeSet<>();
    List<DisclosureDeniedException.Denial> denials = new ArrayList<>();
    fields.asMap().forEach((pointer, value) -> {
      FieldContext field = FieldPaths.context(record, pointer, value);
      if (template.elementPaths().contains(field.elementPath())) {
        deny(field).ifPresentOrElse(
            d -> denials.add(new DisclosureDeniedException.Denial(pointer, d.identifier(), d.reason())),
            () -> selected.add(pointer));
      }
    });
    if (!denials.isEmpty()) {
      throw new DisclosureDeniedException(denials);
    }
    return selected;
  }

  private Optional<DisclosureDeniedException.Denial> deny(FieldContext field) {
    Optional<SafeHarborIdentifier> identifier = SafeHarborClassifier.classify(field);
    if (identifier.isPresent()) {
      return Optional.of(new DisclosureDeniedException.Denial(
          field.elementPath(), identifier, "Safe Harbor identifier " + identifier.get().rule()));
    }
    if (allowed.stream().noneMatch(pattern -> matches(pattern, field.elementPath()))) {
      return Optional.of(new DisclosureDeniedException.Denial(field.elementPath(), Optional.empty(), "not in the profile's allowlist"));
    }
    return Optional.empty();
  }

  private static boolean matches(String pattern, String path) {
    if (pattern.startsWith("**")) {
      return path.endsWith(pattern.substring(2));
    }
    if (pattern.endsWith(".**")) {
      String prefix = pattern.substring(0, pattern.length() - 3);
      return path.equals(prefix) || path.startsWith(prefix + ".");
    }
    return path.equals(pattern);
  }
}
