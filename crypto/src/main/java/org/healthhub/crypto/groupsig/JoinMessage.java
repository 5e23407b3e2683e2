package org.healthhub.crypto.groupsig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;

/**
 * One message of a join protocol, with pygroupsig's key names, value types and key order
 * ({@code status} first, {@code phase} last), so that the two sides can run in different
 * processes and exchange {@link #toJson()} texts. Values are strings (base64 elements or proofs,
 * gl19's {@code l}) or integers ({@code phase}).
 */
public final class JoinMessage {
  private final Map<String, Object> values;

  private JoinMessage(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static Builder builder() {
    return new Builder();
  }

  public String status() throws MalformedInputException {
    return string("status");
  }

  /** The phase number; the member's final reply carries none, which reads as -1. */
  public int phase() throws MalformedInputException {
    Object phase = values.get("phase");
    if (phase == null) {
      return -1;
    }
    if (!(phase instanceof Long number) || number < 0 || number > 16) {
      throw new MalformedInputException("join message phase must be a small integer");
    }
    return number.intValue();
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key) throws MalformedInputException {
    Object value = values.get(key);
    if (!(value instanceof String text)) {
      throw new MalformedInputException("join message lacks the string '" + key + "'");
    }
    return text;
  }

  public Fr fr(String key) throws MalformedInputException {
    return Fr.fromBase64(string(key));
  }

  public G1 g1(String key) throws MalformedInputException {
    return G1.fromBase64(string(key));
  }

  public G2 g2(String key) throws MalformedInputException {
    return G2.fromBase64(string(key));
  }

  public GT gt(String key) throws MalformedInputException {
    return GT.fromBase64(string(key));
  }

  public Map<String, Object> values() {
    return values;
  }

  public String toJson() {
    return PythonJson.write(values);
  }

  public static JoinMessage fromJson(String json) throws MalformedInputException {
    ObjectNode node = PythonJson.readObject(json, "join message");
    Builder builder = builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (value.isTextual()) {
        builder.put(entry.getKey(), value.textValue());
      } else if (value.isIntegralNumber() && value.canConvertToLong()) {
        builder.put(entry.getKey(), value.longValue());
      } else {
        throw new MalformedInputException(
            "join message value '" + entry.getKey() + "' must be a string or an integer");
      }
    }
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JoinMessage message && message.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "JoinMessage" + values.keySet();
  }

  /** Keys are kept in the order they are put. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Builder put(String key, String value) {
      values.put(key, value);
      return this;
    }

    public Builder put(String key, long value) {
      values.put(key, value);
      return this;
    }

    public Builder put(String key, Fr value) {
      return put(key, value.toBase64());
    }

    public Builder put(String key, G1 value) {
      return put(key, value.toBase64());
    }

    public Builder put(String key, G2 value) {
      return put(key, value.toBase64());
    }

    public Builder put(String key, GT value) {
      return put(key, value.toBase64());
    }

    public JoinMessage build() {
      return new JoinMessage(new LinkedHashMap<>(values));
    }
  }
}
