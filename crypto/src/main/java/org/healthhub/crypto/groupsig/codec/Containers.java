package org.healthhub.crypto.groupsig.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;

/**
 * pygroupsig's outer containers: keys are {@code base64(JSON({"scheme", "type", "key": INNER}))},
 * signatures {@code base64(JSON({"scheme", "signature": INNER}))}, with INNER =
 * {@code base64(JSON(FIELDS))}.
 *
 * <p>Stricter than pygroupsig on import, on purpose: the {@code scheme} label must be one the
 * caller accepts and {@code type} must match, so a key of one scheme or kind handed to another
 * fails here with a reason instead of failing later as a wrong signature; the outer object must
 * have exactly its documented members; a bare FIELDS object without a wrapper is rejected.
 */
public final class Containers {
  private Containers() {}

  public static String exportKey(String schemeLabel, String type, Fields.Writer fields) {
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("scheme", schemeLabel);
    outer.put("type", type);
    outer.put("key", fields.toBase64());
    return encode(outer);
  }

  public static String exportSignature(String schemeLabel, Fields.Writer fields) {
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("scheme", schemeLabel);
    outer.put("signature", fields.toBase64());
    return encode(outer);
  }

  /**
   * Reads a key container.
   *
   * @param acceptedLabels the {@code scheme} labels this scheme's exports carry (dl21seq's carry
   *     "dl21", for one)
   * @param type "group", "manager" or "member"
   * @param declared the FIELDS member names of the target class
   */
  public static Fields importKey(
      String base64, Set<String> acceptedLabels, String type, Set<String> declared)
      throws MalformedInputException {
    String what = type + " key";
    ObjectNode outer = decodeOuter(what, base64);
    requireMembers(what, outer, Set.of("scheme", "type", "key"));
    requireLabel(what, outer, acceptedLabels);
    String actualType = textMember(what, outer, "type");
    if (!actualType.equals(type)) {
      throw new MalformedInputException(what + " expected, got a key of type '" + actualType + "'");
    }
    return Fields.readBase64(what, textMember(what, outer, "key"), declared);
  }

  /** Reads a signature container (also the layout of gl19's blind keys and blind signatures). */
  public static Fields importSignature(
      String what, String base64, Set<String> acceptedLabels, Set<String> declared)
      throws MalformedInputException {
    ObjectNode outer = decodeOuter(what, base64);
    requireMembers(what, outer, Set.of("scheme", "signature"));
    requireLabel(what, outer, acceptedLabels);
    return Fields.readBase64(what, textMember(what, outer, "signature"), declared);
  }

  /**
   * The {@code scheme} label of a key or signature export, so that a re-export can keep it
   * (dl21seq reads exports labelled "dl21" and "dl21seq").
   */
  public static String labelOf(String base64) throws MalformedInputException {
    return textMember("export", decodeOuter("export", base64), "scheme");
  }

  private static String encode(Map<String, Object> outer) {
    return Base64.getEncoder()
        .encodeToString(PythonJson.write(outer).getBytes(StandardCharsets.US_ASCII));
  }

  private static ObjectNode decodeOuter(String what, String base64) throws MalformedInputException {
    if (base64 == null) {
      throw new MalformedInputException(what + " is missing");
    }
    return PythonJson.readObject(Fields.decodeBase64Text(what, base64.strip()), what);
  }

  private static void requireMembers(String what, ObjectNode outer, Set<String> expected)
      throws MalformedInputException {
    for (String name : expected) {
      if (!outer.has(name)) {
        throw new MalformedInputException(what + " lacks its '" + name + "' member");
      }
    }
    for (Iterator<String> names = outer.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.contains(name)) {
        throw new MalformedInputException(what + " has an unexpected member '" + name + "'");
      }
    }
  }

  private static void requireLabel(String what, ObjectNode outer, Set<String> acceptedLabels)
      throws MalformedInputException {
    String label = textMember(what, outer, "scheme");
    if (!acceptedLabels.contains(label)) {
      throw new MalformedInputException(
          what + " is labelled scheme '" + label + "', expected one of " + acceptedLabels);
    }
  }

  private static String textMember(String what, ObjectNode outer, String name)
      throws MalformedInputException {
    JsonNode value = outer.get(name);
    if (value == null || !value.isTextual()) {
      throw new MalformedInputException(what + " member '" + name + "' must be a string");
    }
    return value.textValue();
  }
}
