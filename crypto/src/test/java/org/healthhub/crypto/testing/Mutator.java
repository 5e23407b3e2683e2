package org.healthhub.crypto.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.CurveSamples;

/**
 * Malformed variants of a valid pygroupsig export for the decoder properties: random text,
 * truncations and bit flips of the text, and (most often) a change deep inside the nested
 * base64-JSON layout: one element's bytes flipped, cut, zeroed (the identity), replaced by an
 * off-curve or wrong-subgroup point or an out-of-range scalar, or the JSON around it broken.
 */
public final class Mutator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final byte[][] BAD_G1 = {CurveSamples.g1OffCurve(), CurveSamples.g1OnCurveOutsideSubgroup()};
  private static final byte[][] BAD_G2 = {CurveSamples.g2OffCurve(), CurveSamples.g2OnCurveOutsideSubgroup()};

  private Mutator() {}

  public static String mutate(String valid, Random random) {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return randomText(random);
    }
    if (kind == 1) {
      return valid.substring(0, random.nextInt(valid.length()));
    }
    if (kind == 2) {
      return flipTextBit(valid, random);
    }
    String deep = mutateText(valid, random, 0);
    return deep.equals(valid) ? flipTextBit(valid, random) : deep;
  }

  private static String randomText(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return random.nextBoolean()
        ? Base64.getEncoder().encodeToString(bytes)
        : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String flipTextBit(String text, Random random) {
    char[] chars = text.toCharArray();
    int at = random.nextInt(chars.length);
    chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
    return new String(chars);
  }

  /** A JSON text, a base64 of JSON, a GML item "<class>|<base64>", or a base64 element. */
  private static String mutateText(String text, Random random, int depth) {
    JsonNode json = parseJson(text);
    if (json != null && depth < 6) {
      return write(mutateNode(json, random, depth));
    }
    byte[] decoded = decodeBase64(text);
    if (decoded != null) {
      JsonNode inner = parseJson(new String(decoded, StandardCharsets.ISO_8859_1));
      if (inner != null && depth < 6) {
        return encode(write(mutateNode(inner, random, depth)).getBytes(StandardCharsets.ISO_8859_1));
      }
      return Base64.getEncoder().encodeToString(mutateElement(decoded, random));
    }
    int bar = text.indexOf('|');
    if (bar >= 0) {
      return text.substring(0, bar + 1) + mutateText(text.substring(bar + 1), random, depth + 1);
    }
    return text.isEmpty() ? "x" : flipTextBit(text, random);
  }

  private static JsonNode mutateNode(JsonNode node, Random random, int depth) {
    if (node instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      String name = names.get(random.nextInt(names.size()));
      ObjectNode copy = object.deepCopy();
      switch (random.nextInt(12)) {
        case 0 -> copy.remove(name);
        case 1 -> copy.put("extra", 1);
        case 2 -> copy.put(name, random.nextLong());
        case 3 -> copy.set(name, NODES.arrayNode());
        default -> copy.set(name, mutateNode(object.get(name), random, depth + 1));
      }
      return copy;
    }
    if (node instanceof ArrayNode array && array.size() > 0) {
      ArrayNode copy = array.deepCopy();
      int at = random.nextInt(array.size());
      switch (random.nextInt(8)) {
        case 0 -> copy.remove(at);
        case 1 -> copy.add(array.get(at).deepCopy());
        default -> copy.set(at, mutateNode(array.get(at), random, depth + 1));
      }
      return copy;
    }
    if (node.isTextual()) {
      return NODES.textNode(mutateText(node.textValue(), random, depth + 1));
    }
    if (node.isIntegralNumber()) {
      long[] values = {-1, 0, Long.MAX_VALUE, node.longValue() + 1, random.nextLong()};
      return NODES.numberNode(values[random.nextInt(values.length)]);
    }
    return NODES.textNode("x");
  }

  /** The bytes of one element (Fr 32, G1 48, G2 96, GT 576) made wrong in one of several ways. */
  private static byte[] mutateElement(byte[] bytes, Random random) {
    byte[] out = bytes.clone();
    switch (random.nextInt(8)) {
      case 0, 1, 2 -> {
        if (out.length > 0) {
          int at = random.nextInt(out.length * 8);
          out[at / 8] ^= (byte) (1 << (at % 8));
        }
      }
      case 3 -> out = java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length + random.nextInt(5) - 3));
      case 4 -> java.util.Arrays.fill(out, (byte) 0);
      case 5 -> java.util.Arrays.fill(out, (byte) 0xff);
      case 6 -> random.nextBytes(out);
      default -> {
        byte[][] bad = out.length == 48 ? BAD_G1 : out.length == 96 ? BAD_G2 : null;
        if (bad != null) {
          out = bad[random.nextInt(2)].clone();
        } else if (out.length > 0) {
          out[out.length - 1] ^= (byte) 0x80;
        }
      }
    }
    return out;
  }

  private static JsonNode parseJson(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return null;
    }
    try {
      return MAPPER.readTree(trimmed);
    } catch (Exception e) {
      return null;
    }
  }

  private static byte[] decodeBase64(String text) {
    if (text.length() < 8) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String write(JsonNode node) {
    return PythonJson.write(MAPPER.convertValue(node, Object.class));
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
