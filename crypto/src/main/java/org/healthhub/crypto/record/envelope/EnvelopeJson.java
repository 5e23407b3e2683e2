package org.healthhub.crypto.record.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SortedMap;
import java.util.TreeMap;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.JsonBytes;
import org.healthhub.crypto.record.hpke.HpkeKeyWrap;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.merkle.CanonicalJson;

/**
 * The stored form of a {@link RecordEnvelope} (beside the sealed payload), as canonical JSON:
 * {@code {"format","keyVersion","recordId","wraps":[{"publicKey","readerId","wrap"}...]}}. It holds
 * no secret: wraps open only with a reader's private key.
 */
public final class EnvelopeJson {
  static final String FORMAT = "healthhub-envelope/v1";

  private EnvelopeJson() {}

  public static String encode(RecordEnvelope envelope) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", FORMAT).put("keyVersion", envelope.keyVersion()).put("recordId", envelope.recordId());
    ArrayNode wraps = json.putArray("wraps");
    envelope.wraps().values().forEach(wrap -> wraps.addObject()
        .put("publicKey", JsonBytes.encode(wrap.publicKey()))
        .put("readerId", wrap.readerId())
        .put("wrap", JsonBytes.encode(wrap.wrap().encode())));
    return CanonicalJson.write(json);
  }

  /** @throws MalformedInputException if the text is not an envelope of this format */
  public static RecordEnvelope decode(String text) throws MalformedInputException {
    JsonNode json = CanonicalJson.parse(text);
    if (!FORMAT.equals(json.path("format").asText()) || !json.path("recordId").isTextual()
        || !json.path("keyVersion").isIntegralNumber() || json.path("keyVersion").intValue() < 1
        || !json.path("wraps").isArray() || json.path("wraps").isEmpty()) {
      throw new MalformedInputException("not a " + FORMAT + " envelope with a record id, key version >= 1 and wraps");
    }
    SortedMap<String, ReaderWrap> wraps = new TreeMap<>();
    for (JsonNode wrap : json.get("wraps")) {
      if (!wrap.path("readerId").isTextual()) {
        throw new MalformedInputException("envelope wrap lacks a reader id");
      }
      byte[] publicKey = JsonBytes.decode(wrap.get("publicKey"), "reader public key", X25519KeyPair.KEY_LENGTH);
      String readerId = wrap.get("readerId").textValue();
      if (wraps.put(readerId, new ReaderWrap(readerId, publicKey, HpkeKeyWrap.parse(JsonBytes.decode(wrap.get("wrap"), "key wrap")))) != null) {
        throw new MalformedInputException("envelope names reader " + readerId + " twice");
      }
    }
    return new RecordEnvelope(json.get("recordId").textValue(), json.get("keyVersion").intValue(), wraps);
  }
}
