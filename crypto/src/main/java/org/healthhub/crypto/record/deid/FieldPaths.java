package org.healthhub.crypto.record.deid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.record.fhir.FormToBundleConverter;

/**
 * Maps a leaf's JSON Pointer to its element path: the resource type, then the element names
 * without array indices ({@code /entry/0/resource/name/0/family} becomes {@code Patient.name.family}).
 * An age Observation (LOINC 30525-0) is labelled {@code Observation:age}, since its value is an age
 * and not a lab result. A derived leaf keeps its suffix ({@code ~year}, {@code ~band}).
 */
public final class FieldPaths {
  static final String YEAR = "~year";
  static final String BAND = "~band";

  private FieldPaths() {}

  public static FieldContext context(JsonNode record, String pointer, String canonicalValue) {
    String suffix = pointer.endsWith(YEAR) ? YEAR : pointer.endsWith(BAND) ? BAND : "";
    String base = pointer.substring(0, pointer.length() - suffix.length());
    List<String> segments = segments(base);
    JsonNode resource = record;
    int start = 0;
    String label;
    if ("Bundle".equals(record.path("resourceType").asText()) && segments.size() >= 3
        && segments.get(0).equals("entry") && segments.get(1).matches("\\d{1,9}") && segments.get(2).equals("resource")) {
      resource = record.path("entry").path(Integer.parseInt(segments.get(1))).path("resource");
      start = 3;
    }
    label = resourceLabel(resource);
    StringBuilder path = new StringBuilder(label);
    for (String segment : segments.subList(start, segments.size())) {
      if (!segment.chars().allMatch(Character::isDigit)) {
        path.append('.').append(segment);
      }
    }
    int cut = base.lastIndexOf('/');
    JsonNode parent = cut <= 0 ? record : record.at(base.substring(0, cut));
    return new FieldContext(path + suffix, canonicalValue, parent);
  }

  static boolean isAgeObservation(JsonNode resource) {
    if (!"Observation".equals(resource.path("resourceType").asText())) {
      return false;
    }
    for (JsonNode coding : resource.path("code").path("coding")) {
      if (FormToBundleConverter.LOINC.equals(coding.path("system").asText())
          && FormToBundleConverter.AGE_CODE.equals(coding.path("code").asText())) {
        return true;
      }
    }
    return false;
  }

  private static String resourceLabel(JsonNode resource) {
    return isAgeObservation(resource) ? "Observation:age" : resource.path("resourceType").asText("Unknown");
  }

  private static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    for (String raw : pointer.split("/", -1)) {
      segments.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return segments.isEmpty() ? segments : segments.subList(1, segments.size());
  }
}
