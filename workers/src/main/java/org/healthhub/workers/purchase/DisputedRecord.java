package org.healthhub.workers.purchase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.opening.ManagersBox;

/**
 * The record a buyer disputes, exactly as delivered, with its place in the delivery and the path
 * that holds it to the delivery commitment on chain. The buyer's worker seals it to the two managers
 * ({@link ManagersBox}, bound to the purchase and the disputed signature), so the opening judges what
 * the hospital delivered rather than what a dispute names.
 *
 * @param index the record's place in the delivery, from 0
 * @param count how many records the delivery holds
 */
public record DisputedRecord(DeliveredRecord record, int index, int count, List<byte[]> path) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMAT = "healthhub-disputed-record/v1";

  public DisputedRecord {
    path = List.copyOf(path);
  }

  /** Record {@code index} (from 0) of a delivery, with its path to the delivery commitment. */
  public static DisputedRecord of(List<DeliveredRecord> delivered, int index) {
    return new DisputedRecord(delivered.get(index), index, delivered.size(), DeliveryCommitment.path(delivered, index));
  }

  /**
   * Whether this record is one the hospital committed to in {@code bundleDigest}.
   *
   * @throws MalformedInputException if its place or path cannot be one in any delivery
   */
  public boolean deliveredUnder(byte[] bundleDigest) throws MalformedInputException {
    return DeliveryCommitment.leadsTo(bundleDigest, record, index, count, path);
  }

  /** Seals this record to both managers for the dispute of {@code purchaseId} over {@code signatureDigest}. */
  public byte[] sealTo(ManagerKeys managers, byte[] purchaseId, byte[] signatureDigest) throws GeneralSecurityException {
    ObjectNode json = JSON.createObjectNode().put("format", FORMAT).put("index", index).put("count", count);
    json.set("record", DeliveryBundle.entry(record));
    ArrayNode hashes = json.putArray("path");
    path.forEach(hash -> hashes.add(HexFormat.of().formatHex(hash)));
    try {
      return ManagersBox.seal(JSON.writeValueAsBytes(json), managers, sealingContext(purchaseId, signatureDigest));
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }

  /**
   * Opens a disputed record as one of the managers.
   *
   * @throws GeneralSecurityException if the box is not for this dispute or these keys, was altered,
   *     or holds no disputed record ({@link MalformedInputException})
   */
  public static DisputedRecord open(byte[] sealed, ManagerRole reader, X25519KeyPair readerKey, byte[] purchaseId,
      byte[] signatureDigest) throws GeneralSecurityException {
    byte[] opened = ManagersBox.open(sealed, reader, readerKey, sealingContext(purchaseId, signatureDigest));
    JsonNode json;
    try {
      json = JSON.readTree(opened);
    } catch (IOException e) {
      throw new MalformedInputException("the disputed record is not JSON");
    }
    if (json == null || !FORMAT.equals(json.path("format").asText()) || !json.path("index").isInt()
        || !json.path("count").isInt() || !json.path("path").isArray() || !json.path("record").isObject()) {
      throw new MalformedInputException("not a " + FORMAT + " document");
    }
    List<byte[]> path = new ArrayList<>();
    for (JsonNode hash : json.get("path")) {
      if (!hash.isTextual() || !hash.textValue().matches("[0-9a-f]{64}")) {
        throw new MalformedInputException("a path digest is not 32 bytes of hex");
      }
      path.add(HexFormat.of().parseHex(hash.textValue()));
    }
    return new DisputedRecord(DeliveryBundle.record(json.get("record")), json.get("index").intValue(),
        json.get("count").intValue(), path);
  }

  private static String sealingContext(byte[] purchaseId, byte[] signatureDigest) {
    return "healthhub/opening/disputed-record/" + HexFormat.of().formatHex(purchaseId) + "/"
        + HexFormat.of().formatHex(signatureDigest);
  }
}
