package org.healthhub.crypto.record.merkle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by UTF-16 code units, no
 * whitespace, strings with the minimal escapes, numbers as ECMAScript prints an IEEE 754 double.
 * Two JSON texts that mean the same thing have the same canonical form.
 */
public final class CanonicalJson {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private CanonicalJson() {}

  /**
   * Parses one JSON text, rejecting duplicate member names and trailing content.
   *
   * @throws MalformedInputException if the text is not a single valid JSON value
   */
  public static JsonNode parse(String json) throws MalformedInputException {
    try {
      JsonNode node = STRICT.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new MalformedInputException("empty JSON text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedInputException("not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** @throws MalformedInputException for non-finite numbers or strings with lone surrogates */
  public static String canonicalize(JsonNode node) throws MalformedInputException {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /**
   * Canonical form of a tree this code built itself, where a failure is a caller's bug.
   *
   * @throws IllegalArgumentException if a string holds a lone surrogate
   */
  public static String write(JsonNode built) {
    try {
      return canonicalize(built);
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException("text that JSON cannot carry: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that {@code json} is already in canonical form.
   *
   * @throws MalformedInputException if it is not valid JSON or differs from its canonical form
   */
  public static void requireCanonical(String json) throws MalformedInputException {
    if (!canonicalize(parse(json)).equals(json)) {
      throw new MalformedInputException("JSON value is not in RFC 8785 canonical form");
    }
  }

  private static void write(JsonNode node, StringBuilder out) throws MalformedInputException {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null); // String order is UTF-16 code-unit order, as RFC 8785 section 3.2.3 asks
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(names.get(i), out);
        out.append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> elements = node.elements();
      for (boolean first = true; elements.hasNext(); first = false) {
        if (!first) {
          out.append(',');
        }
        write(elements.next(), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      writeString(node.textValue(), out);
    } else if (node.isNumber()) {
      out.append(number(node.doubleValue()));
    } else if (node.isBoolean() || node.isNull()) {
      out.append(node.asText());
    } else {
      throw new MalformedInputException("unsupported JSON node " + node.getNodeType());
    }
  }

  private static void writeString(String s, StringBuilder out) throws MalformedInputException {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new MalformedInputException("string holds a lone surrogate at index " + i);
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** ECMAScript Number::toString: the shortest digits that round-trip, placed by the exponent. */
  static String number(double value) throws MalformedInputException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new MalformedInputException("JSON number out of IEEE 754 double range");
    }
    if (value == 0) {
      return "0";
    }
    if (value < 0) {
      return "-" + number(-value);
    }
    BigDecimal shortest = shortestRoundTrip(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = digits x 10^(n-k)
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
    String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return mantissa + "e" + exponent;
  }

  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == value) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
