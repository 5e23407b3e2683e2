package org.healthhub.crypto.groupsig.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;

/**
 * The FIELDS object of a pygroupsig export: one JSON member per field, in the order the object
 * declares them. Writing uses {@link Writer}; reading checks every member name against the
 * fields the target declares (pygroupsig raises on an unknown name) and decodes each value with
 * the element type the caller asks for, so a G1 where a G2 belongs is a length error.
 */
public final class Fields {
  private final String what;
  private final ObjectNode node;

  private Fields(String what, ObjectNode node) {
    this.what = what;
    this.node = node;
  }

  /**
   * Reads a FIELDS object and checks that every member is one of {@code declared}. Members that
   * are declared but absent are reported only when read with a {@code required} getter.
   */
  public static Fields read(String what, ObjectNode node, Set<String> declared)
      throws MalformedInputException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!declared.contains(name)) {
        throw new MalformedInputException(what + " has no field named '" + name + "'");
      }
    }
    return new Fields(what, node);
  }

  /** Reads a FIELDS object given as base64 of its JSON text (nested proofs are stored so). */
  public static Fields readBase64(String what, String base64, Set<String> declared)
      throws MalformedInputException {
    return read(what, PythonJson.readObject(decodeBase64Text(what, base64), what), declared);
  }

  public boolean has(String name) {
    return node.has(name);
  }

  public Fr fr(String name) throws MalformedInputException {
    return Fr.fromBase64(string(name));
  }

  public G1 g1(String name) throws MalformedInputException {
    return G1.fromBase64(string(name));
  }

  public G2 g2(String name) throws MalformedInputException {
    return G2.fromBase64(string(name));
  }

  public GT gt(String name) throws MalformedInputException {
    return GT.fromBase64(string(name));
  }

  /** A field that pygroupsig stores as a Python int (a JSON number). */
  public long integer(String name) throws MalformedInputException {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new MalformedInputException(what + "." + name + " must be an integer");
    }
    return value.longValue();
  }

  /** A field that pygroupsig stores as a Python str: written {@code "str_<value>"}. */
  public String text(String name) throws MalformedInputException {
    return PythonStr.decode(what + "." + name, string(name));
  }

  /** A field that pygroupsig stores as a dict of strings (dl21seq's {@code seq}). */
  public Map<String, String> stringMap(String name) throws MalformedInputException {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw new MalformedInputException(what + "." + name + " must be a JSON object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isTextual()) {
        throw new MalformedInputException(what + "." + name + " values must be strings");
      }
      map.put(entry.getKey(), entry.getValue().textValue());
    }
    return map;
  }

  /** A list field: Fr values in base64, or Python strs written {@code "str_<value>"}. */
  public List<String> stringList(String name) throws MalformedInputException {
    JsonNode value = required(name);
    if (!value.isArray()) {
      throw new MalformedInputException(what + "." + name + " must be a JSON array");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new MalformedInputException(what + "." + name + " items must be strings");
      }
      items.add(item.textValue());
    }
    return items;
  }

  public List<Fr> frList(String name) throws MalformedInputException {
    List<Fr> values = new ArrayList<>();
    for (String item : stringList(name)) {
      values.add(Fr.fromBase64(item));
    }
    return values;
  }

  /** The raw string of a field: a nested proof's base64, say. */
  public String string(String name) throws MalformedInputException {
    JsonNode value = required(name);
    if (!value.isTextual()) {
      throw new MalformedInputException(what + "." + name + " must be a string");
    }
    return value.textValue();
  }

  private JsonNode required(String name) throws MalformedInputException {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new MalformedInputException(what + " lacks its field '" + name + "'");
    }
    return value;
  }

  /** Decodes one Python str stored as {@code "str_<value>"}, inside a list for instance. */
  public static String decodeText(String what, String stored) throws MalformedInputException {
    return PythonStr.decode(what, stored);
  }

  static String decodeBase64Text(String what, String base64) throws MalformedInputException {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(what + " is not valid base64: " + e.getMessage());
    }
  }

  /** Builds a FIELDS object in declaration order. */
  public static final class Writer {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Writer put(String name, Fr value) {
      return raw(name, value.toBase64());
    }

    public Writer put(String name, G1 value) {
      return raw(name, value.toBase64());
    }

    public Writer put(String name, G2 value) {
      return raw(name, value.toBase64());
    }

    public Writer put(String name, GT value) {
      return raw(name, value.toBase64());
    }

    public Writer putInteger(String name, long value) {
      return raw(name, value);
    }

    public Writer putText(String name, String value) {
      return raw(name, PythonStr.encode(value));
    }

    public Writer putStringMap(String name, Map<String, String> value) {
      return raw(name, new LinkedHashMap<>(value));
    }

    public Writer putFrList(String name, List<Fr> values) {
      return raw(name, values.stream().map(Fr::toBase64).toList());
    }

    public Writer putTextList(String name, List<String> values) {
      return raw(name, values.stream().map(PythonStr::encode).toList());
    }

    /** A string value as is: a nested proof's base64 export, for instance. */
    public Writer raw(String name, Object value) {
      if (fields.putIfAbsent(name, value) != null) {
        throw new IllegalStateException("field '" + name + "' written twice");
      }
      return this;
    }

    public Map<String, Object> toMap() {
      return new LinkedHashMap<>(fields);
    }

    /** {@code base64(JSON(FIELDS))}: the form of nested proofs and of the INNER of containers. */
    public String toBase64() {
      return Base64.getEncoder()
          .encodeToString(PythonJson.write(fields).getBytes(StandardCharsets.US_ASCII));
    }
  }
}
