package org.healthhub.crypto.groupsig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;

/**
 * A group membership list (also the form of cpy06's revocation list): member id (64 lowercase
 * hex) to the tuple of public elements the manager keeps for that member, in join order.
 * Immutable; {@link #with} returns a new list. Exported as pygroupsig does:
 * {@code base64(JSON({id: ["pygroupsig.utils.mcl.G1|<b64>", ...]}))}.
 */
public final class Gml {
  private static final Pattern MEMBER_ID = Pattern.compile("[0-9a-f]{64}");
  private static final String TAG_PREFIX = "pygroupsig.utils.mcl.";

  private final Map<String, List<Object>> entries;

  private Gml(Map<String, List<Object>> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static Gml empty() {
    return new Gml(new LinkedHashMap<>());
  }

  /** Adds (or replaces) a member's entry; each element must be a G1, G2 or GT. */
  public Gml with(String memberId, List<?> elements) {
    requireId(memberId);
    for (Object element : elements) {
      tagOf(element);
    }
    Map<String, List<Object>> copy = new LinkedHashMap<>(entries);
    copy.put(memberId, List.copyOf(elements));
    return new Gml(copy);
  }

  public boolean contains(String memberId) {
    return entries.containsKey(memberId);
  }

  /** The member ids in join order. */
  public List<String> memberIds() {
    return List.copyOf(entries.keySet());
  }

  public List<Object> entry(String memberId) {
    List<Object> entry = entries.get(memberId);
    if (entry == null) {
      throw new IllegalArgumentException("no member " + memberId);
    }
    return entry;
  }

  public int size() {
    return entries.size();
  }

  public String toBase64() {
    Map<String, Object> json = new LinkedHashMap<>();
    entries.forEach(
        (id, elements) -> {
          List<String> items = new ArrayList<>();
          for (Object element : elements) {
            items.add(TAG_PREFIX + tagOf(element) + "|" + base64Of(element));
          }
          json.put(id, items);
        });
    return Base64.getEncoder()
        .encodeToString(PythonJson.write(json).getBytes(StandardCharsets.US_ASCII));
  }

  public static Gml fromBase64(String base64) throws MalformedInputException {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("membership list is not valid base64: " + e.getMessage());
    }
    ObjectNode json = PythonJson.readObject(text, "membership list");
    Gml gml = empty();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!MEMBER_ID.matcher(member.getKey()).matches()) {
        throw new MalformedInputException("membership list id is not 64 lowercase hex digits");
      }
      if (!member.getValue().isArray()) {
        throw new MalformedInputException("membership list entry must be an array");
      }
      List<Object> elements = new ArrayList<>();
      for (JsonNode item : member.getValue()) {
        elements.add(decodeItem(item));
      }
      gml = gml.with(member.getKey(), elements);
    }
    return gml;
  }

  private static Object decodeItem(JsonNode item) throws MalformedInputException {
    String text = item.isTextual() ? item.textValue() : "";
    int bar = text.indexOf('|');
    if (bar < 0 || !text.startsWith(TAG_PREFIX)) {
      throw new MalformedInputException("membership list item must be '<class>|<base64>'");
    }
    String type = text.substring(TAG_PREFIX.length(), bar);
    String value = text.substring(bar + 1);
    return switch (type) {
      case "G1" -> G1.fromBase64(value);
      case "G2" -> G2.fromBase64(value);
      case "GT" -> GT.fromBase64(value);
      default -> throw new MalformedInputException("membership list item of unknown type " + type);
    };
  }

  private static String tagOf(Object element) {
    if (element instanceof G1) {
      return "G1";
    } else if (element instanceof G2) {
      return "G2";
    } else if (element instanceof GT) {
      return "GT";
    }
    throw new IllegalArgumentException("membership list holds G1, G2 or GT elements only");
  }

  private static String base64Of(Object element) {
    if (element instanceof G1 g1) {
      return g1.toBase64();
    } else if (element instanceof G2 g2) {
      return g2.toBase64();
    }
    return ((GT) element).toBase64();
  }

  private static void requireId(String memberId) {
    if (!MEMBER_ID.matcher(memberId).matches()) {
      throw new IllegalArgumentException("member id must be 64 lowercase hex digits");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Gml gml && gml.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }
}
