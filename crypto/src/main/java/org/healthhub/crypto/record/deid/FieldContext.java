package org.healthhub.crypto.record.deid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A leaf as the profile sees it: its element path ({@code Patient.name.family},
 * {@code Observation:age.valueQuantity.value~band}), its canonical JSON value, and the JSON object
 * that holds it, so that siblings such as {@code telecom.system} can be read.
 */
public record FieldContext(String elementPath, String canonicalValue, JsonNode parent) {
  /** A field known by element path only, as a buyer's template names it. */
  public static FieldContext pathOnly(String elementPath) {
    return new FieldContext(elementPath, "", MissingNode.getInstance());
  }

  String sibling(String name) {
    return parent.path(name).asText("");
  }

  String siblingCodes(String name) {
    StringBuilder codes = new StringBuilder();
    parent.path(name).findValues("code").forEach(code -> codes.append(code.asText()).append(' '));
    parent.path(name).findValues("text").forEach(text -> codes.append(text.asText()).append(' '));
    return codes.toString();
  }
}
