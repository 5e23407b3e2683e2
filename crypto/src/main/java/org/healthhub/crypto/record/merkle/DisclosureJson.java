package org.healthhub.crypto.record.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.JsonBytes;

/**
 * The wire form of a {@link Disclosure}, as canonical JSON:
 * {@code {"fields":[{"index","path","salt","value"}...],"leafCount","proof":[...]}}, salts and
 * hashes in base64, each value as the string of its canonical JSON (so its exact bytes survive).
 * Decoding is strict; {@link MerkleVerifier} still checks everything that decides validity.
 */
public final class DisclosureJson {
  private static final Set<String> TOP = Set.of("fields", "leafCount", "proof");
  private static final Set<String> FIELD = Set.of("index", "path", "salt", "value");

  private DisclosureJson() {}

  public static String encode(Disclosure disclosure) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode fields = json.putArray("fields");
    for (DisclosedField field : disclosure.fields()) {
      fields.addObject()
          .put("index", field.index())
          .put("path", field.path())
          .put("salt", JsonBytes.encode(field.salt()))
          .put("value", field.canonicalValue());
    }
    json.put("leafCount", disclosure.leafCount());
    ArrayNode proof = json.putArray("proof");
    disclosure.proof().forEach(hash -> proof.add(JsonBytes.encode(hash)));
    return CanonicalJson.write(json);
  }

  /** @throws MalformedInputException if the text is not exactly this shape */
  public static Disclosure decode(String text) throws MalformedInputException {
    JsonNode json = CanonicalJson.parse(text);
    requireMembers(json, TOP, "disclosure");
    if (!json.get("fields").isArray() || !json.get("proof").isArray() || !json.get("leafCount").canConvertToInt()
        || !json.get("leafCount").isIntegralNumber()) {
      throw new MalformedInputException("disclosure: fields and proof must be arrays, leafCount an integer");
    }
    int leafCount = json.get("leafCount").intValue();
    if (json.get("fields").size() > MerkleVerifier.MAX_LEAVES || json.get("proof").size() > MerkleVerifier.MAX_LEAVES) {
      throw new MalformedInputException("disclosure larger than any record");
    }
    List<DisclosedField> fields = new ArrayList<>();
    for (JsonNode field : json.get("fields")) {
      requireMembers(field, FIELD, "disclosed field");
      if (!field.get("index").isIntegralNumber() || !field.get("index").canConvertToInt()
          || !field.get("path").isTextual() || !field.get("value").isTextual()) {
        throw new MalformedInputException("disclosed field: index must be an integer, path and value strings");
      }
      fields.add(new DisclosedField(
          field.get("index").intValue(), field.get("path").textValue(), field.get("value").textValue(), JsonBytes.decode(field.get("salt"), "salt")));
    }
    List<byte[]> proof = new ArrayList<>();
    for (JsonNode hash : json.get("proof")) {
      proof.add(JsonBytes.decode(hash, "proof hash"));
    }
    return new Disclosure(leafCount, fields, proof);
  }

  private static void requireMembers(JsonNode json, Set<String> members, String what) throws MalformedInputException {
    if (!json.isObject() || json.size() != members.size() || !members.stream().allMatch(json::has)) {
      throw new MalformedInputException(what + " must be an object with exactly " + members);
    }
  }
}
