package org.healthhub.crypto.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.healthhub.crypto.MalformedInputException;

/** Bytes carried in JSON as base64 strings, decoded strictly. */
public final class JsonBytes {
  private JsonBytes() {}

  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** @throws MalformedInputException if {@code node} is not a base64 string */
  public static byte[] decode(JsonNode node, String name) throws MalformedInputException {
    if (node == null || !node.isTextual()) {
      throw new MalformedInputException(name + " must be a base64 string");
    }
    try {
      return Base64.getDecoder().decode(node.textValue());
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(name + " is not base64: " + e.getMessage());
    }
  }

  /** @throws MalformedInputException unless {@code node} is base64 of exactly {@code length} bytes */
  public static byte[] decode(JsonNode node, String name, int length) throws MalformedInputException {
    byte[] bytes = decode(node, name);
    if (bytes.length != length) {
      throw new MalformedInputException(name + " must be " + length + " bytes, got " + bytes.length);
    }
    return bytes;
  }
}
