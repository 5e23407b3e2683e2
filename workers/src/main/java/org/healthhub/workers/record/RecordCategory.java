package org.healthhub.workers.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clinical category a record is bought by, read from its FHIR JSON: the Encounter's type (where
 * the store form's category lands), else the first resource category ({@code Condition.category},
 * {@code Observation.category}, ...). Each is a CodeableConcept: its text, else its first coding's
 * display, else its code. Categories compare case-insensitively, so they are kept normalized.
 */
public final class RecordCategory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordCategory() {}

  /**
   * The record's category, empty when it names none.
   *
   * @throws IOException if {@code fhirJson} is not JSON
   */
  public static Optional<String> of(String fhirJson) throws IOException {
    List<JsonNode> resources = resourcesOf(JSON.readTree(fhirJson));
    for (JsonNode resource : resources) {
      if (resource.path("resourceType").asText().equals("Encounter")) {
        Optional<String> type = firstConcept(resource.path("type"));
        if (type.isPresent()) {
          return type;
        }
      }
    }
    for (JsonNode resource : resources) {
      Optional<String> category = firstConcept(resource.path("category"));
      if (category.isPresent()) {
        return category;
      }
    }
    return Optional.empty();
  }

  /** The form in which categories are kept and compared. */
  public static String normalized(String category) {
    return category.strip().toLowerCase(Locale.ROOT);
  }

  private static List<JsonNode> resourcesOf(JsonNode root) {
    List<JsonNode> resources = new ArrayList<>();
    if (root.path("resourceType").asText().equals("Bundle")) {
      root.path("entry").forEach(entry -> resources.add(entry.path("resource")));
    } else {
      resources.add(root);
    }
    return resources;
  }

  private static Optional<String> firstConcept(JsonNode concepts) {
    for (JsonNode concept : concepts.isArray() ? concepts : List.of(concepts)) {
      for (String name : List.of(concept.path("text").asText(), firstCoding(concept, "display"), firstCoding(concept, "code"))) {
        if (!name.isBlank()) {
          return Optional.of(normalized(name));
        }
      }
    }
    return Optional.empty();
  }

  private static String firstCoding(JsonNode concept, String field) {
    return concept.path("coding").path(0).path(field).asText();
  }
}
