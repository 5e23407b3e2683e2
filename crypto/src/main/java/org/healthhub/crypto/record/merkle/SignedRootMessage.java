package org.healthhub.crypto.record.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;

/**
 * The message a doctor group-signs for a record: its Merkle root bound to the signing context
 * (group-signature scheme, group id or group-key digest, record schema version). The bytes to sign
 * are the RFC 8785 canonical JSON of {@code {domain, groupId, root (hex), schemaVersion, scheme}},
 * so a signature over one context never counts for another.
 */
public record SignedRootMessage(byte[] root, String scheme, String groupId, String schemaVersion) {
  public static final String DOMAIN = "healthhub/record-root/v1";
  private static final Set<String> MEMBERS = Set.of("domain", "groupId", "root", "schemaVersion", "scheme");

  public SignedRootMessage {
    if (root.length != 32) {
      throw new IllegalArgumentException("root must be 32 bytes, got " + root.length);
    }
    requireText("scheme", scheme);
    requireText("groupId", groupId);
    requireText("schemaVersion", schemaVersion);
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /** The exact bytes to sign and to verify against. */
  public byte[] toBytes() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("domain", DOMAIN);
    json.put("groupId", groupId);
    json.put("root", HexFormat.of().formatHex(root));
    json.put("schemaVersion", schemaVersion);
    json.put("scheme", scheme);
    return CanonicalJson.write(json).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws MalformedInputException unless {@code bytes} is exactly the canonical form of a message
   *     of this domain with all five members
   */
  public static SignedRootMessage parse(byte[] bytes) throws MalformedInputException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    CanonicalJson.requireCanonical(text);
    JsonNode json = CanonicalJson.parse(text);
    if (!json.isObject() || json.size() != MEMBERS.size()) {
      throw new MalformedInputException("signed root message must be an object of " + MEMBERS);
    }
    for (String member : MEMBERS) {
      if (!json.path(member).isTextual()) {
        throw new MalformedInputException("signed root message lacks text member " + member);
      }
    }
    if (!DOMAIN.equals(json.get("domain").textValue())) {
      throw new MalformedInputException("signed root message of domain " + json.get("domain").textValue());
    }
    SignedRootMessage message;
    try {
      message =
          new SignedRootMessage(
              HexFormat.of().parseHex(json.get("root").textValue()),
              json.get("scheme").textValue(),
              json.get("groupId").textValue(),
              json.get("schemaVersion").textValue());
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("signed root message: " + e.getMessage());
    }
    if (!java.util.Arrays.equals(message.toBytes(), bytes)) {
      throw new MalformedInputException("signed root message root must be lowercase hex");
    }
    return message;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
