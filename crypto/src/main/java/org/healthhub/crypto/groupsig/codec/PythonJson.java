package org.healthhub.crypto.groupsig.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it with its defaults (separators
 * {@code ", "} and {@code ": "}, ASCII escapes, insertion order), because pygroupsig hashes and
 * compares these texts byte for byte. Reading accepts any valid JSON, in any layout, but rejects
 * duplicate member names, which Python would silently resolve to the last one.
 */
public final class PythonJson {
  private static final ObjectMapper READER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private PythonJson() {}

  /**
   * Writes {@code value}: a {@link Map} with String keys (iteration order is kept), a {@link List},
   * a {@link String}, an {@link Integer} or {@link Long}, or a {@link Boolean}.
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  /** Parses a JSON object; anything else (array, scalar, broken text) is malformed. */
  public static ObjectNode readObject(String text, String what) throws MalformedInputException {
    JsonNode node;
    try {
      node = READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedInputException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedInputException(what + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static void append(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        appendString(out, (String) entry.getKey());
        out.append(": ");
        append(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        append(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else {
      throw new IllegalArgumentException(
          "no Python JSON form for " + (value == null ? "null" : value.getClass().getName()));
    }
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (ch < 0x20 || ch > 0x7f) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }
}
