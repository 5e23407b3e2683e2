package org.healthhub.workers.purchase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.merkle.DisclosureJson;

/** The delivered records as one JSON document: {@code {"purchaseId", "records": [{merkleRoot, hospitalGroupId, signature, disclosure}]}}. */
public final class DeliveryBundle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeliveryBundle() {}

  static byte[] encode(String purchaseId, List<DeliveredRecord> records) throws IOException {
    ObjectNode bundle = JSON.createObjectNode().put("purchaseId", purchaseId);
    ArrayNode array = bundle.putArray("records");
    for (DeliveredRecord record : records) {
      array.addObject()
          .put("merkleRoot", record.merkleRoot())
          .put("hospitalGroupId", record.hospitalGroupId())
          .put("signature", record.signature())
          .put("disclosure", DisclosureJson.encode(record.disclosure()));
    }
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
      for (String member : List.of("merkleRoot", "hospitalGroupId", "signature", "disclosure")) {
        if (!record.path(member).isTextual()) {
          throw new MalformedInputException("a delivered record lacks its " + member);
        }
      }
      records.add(new DeliveredRecord(record.get("merkleRoot").textValue(), record.get("hospitalGroupId").textValue(),
          record.get("signature").textValue(), DisclosureJson.decode(record.get("disclosure").textValue())));
    }
    return records;
  }
}
