package org.healthhub.workers.purchase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.merkle.CanonicalJson;
import org.healthhub.crypto.record.merkle.DisclosureJson;

/** The delivered records as one JSON document: {@code {"purchaseId", "records": [{merkleRoot, hospitalGroupId, signature, disclosure}]}}. */
public final class DeliveryBundle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MEMBERS = List.of("merkleRoot", "hospitalGroupId", "signature", "disclosure");

  private DeliveryBundle() {}

  static byte[] encode(String purchaseId, List<DeliveredRecord> records) throws IOException {
    ObjectNode bundle = JSON.createObjectNode().put("purchaseId", purchaseId);
    ArrayNode array = bundle.putArray("records");
    records.forEach(record -> array.add(entry(record)));
    return JSON.writeValueAsBytes(bundle);
  }

  /** @throws MalformedInputException if the document is not a bundle of this shape */
  public static List<DeliveredRecord> decode(byte[] bytes) throws MalformedInputException {
    JsonNode bundle;
    try {
      bundle = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new MalformedInputException("the delivery is not JSON");
    }
    if (bundle == null || !bundle.path("records").isArray()) {
      throw new MalformedInputException("the delivery has no list of records");
    }
    List<DeliveredRecord> records = new ArrayList<>();
    for (JsonNode record : bundle.get("records")) {
      records.add(record(record));
    }
    return records;
  }

  static ObjectNode entry(DeliveredRecord record) {
    return JSON.createObjectNode()
        .put("merkleRoot", record.merkleRoot())
        .put("hospitalGroupId", record.hospitalGroupId())
        .put("signature", record.signature())
        .put("disclosure", DisclosureJson.encode(record.disclosure()));
  }

  /** The record's entry as RFC 8785 JSON: the bytes its delivery commitment digests. */
  static byte[] canonicalEntry(DeliveredRecord record) {
    return CanonicalJson.write(entry(record)).getBytes(StandardCharsets.UTF_8);
  }

  /** @throws MalformedInputException if the node is not a delivered record's entry */
  static DeliveredRecord record(JsonNode entry) throws MalformedInputException {
    for (String member : MEMBERS) {
      if (!entry.path(member).isTextual()) {
        throw new MalformedInputException("a delivered record lacks its " + member);
      }
    }
    return new DeliveredRecord(entry.get("merkleRoot").textValue(), entry.get("hospitalGroupId").textValue(),
        entry.get("signature").textValue(), DisclosureJson.decode(entry.get("disclosure").textValue()));
  }
}
