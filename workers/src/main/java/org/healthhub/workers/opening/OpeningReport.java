package org.healthhub.workers.opening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.merkle.CanonicalJson;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;

/**
 * What an opening found, for the two managers' eyes only: the verdict with its reason, and when the
 * signer was found, the {@link org.healthhub.crypto.groupsig.opening.OpeningResult} export (member
 * id, GML entry, both partial openings with their proofs), which anyone holding the group key and
 * the share commitments can check again. Written as RFC 8785 JSON; its SHA-256 is the commitment
 * posted on chain (the proofs' fresh randomness keeps the member id from being guessed from it).
 *
 * @param memberId the signer's GML id, absent when no listed member made the signature
 * @param result the opening result's export, absent with {@code memberId}
 */
public record OpeningReport(String signatureDigest, boolean valid, String reason, Optional<String> memberId,
    Optional<String> result) {
  static final String FORMAT = "healthhub-opening-report/v1";

  /** The context the report is sealed under in storage. */
  static String sealingContext(String signatureDigest) {
    return "healthhub/opening/report/" + signatureDigest;
  }

  byte[] toCanonicalJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", FORMAT);
    json.put("signatureDigest", signatureDigest);
    json.put("valid", valid);
    json.put("reason", reason);
    memberId.ifPresent(id -> json.put("memberId", id));
    result.ifPresent(export -> json.put("result", export));
    return CanonicalJson.write(json).getBytes(StandardCharsets.UTF_8);
  }

  static OpeningReport fromJson(byte[] bytes) throws MalformedInputException {
    JsonNode json = CanonicalJson.parse(new String(bytes, StandardCharsets.UTF_8));
    if (!FORMAT.equals(json.path("format").asText()) || !json.path("valid").isBoolean()) {
      throw new MalformedInputException("not a " + FORMAT + " document");
    }
    return new OpeningReport(json.path("signatureDigest").asText(), json.get("valid").booleanValue(),
        json.path("reason").asText(), text(json, "memberId"), text(json, "result"));
  }

  /**
   * Reads a stored report as one of the two managers.
   *
   * @throws GeneralSecurityException if the box is not sealed to this manager or was altered
   */
  public static OpeningReport read(BlobStore store, String cid, String signatureDigest, ManagerRole reader,
      X25519KeyPair readerKey) throws Exception {
    byte[] sealed;
    try (InputStream in = store.get(Cid.parse(cid))) {
      sealed = in.readAllBytes();
    }
    return fromJson(ManagersBox.open(sealed, reader, readerKey, sealingContext(signatureDigest)));
  }

  private static Optional<String> text(JsonNode json, String field) {
    return json.hasNonNull(field) ? Optional.of(json.get(field).asText()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "OpeningReport[" + signatureDigest + ", valid=" + valid + ", signer redacted]";
  }
}
