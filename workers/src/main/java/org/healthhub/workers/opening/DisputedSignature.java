package org.healthhub.workers.opening;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.TaskInput;

/**
 * The signature an opening is about, fetched by CID and held to the digest the request names.
 *
 * @param exported the stored bytes, whose SHA-256 is the requested digest
 */
record DisputedSignature(byte[] exported) {

  /**
   * @throws SignatureMismatchException if the stored bytes are not the ones the digest names, or a
   *     disputed purchase names another signature on chain
   */
  static DisputedSignature fetch(TaskInput task, BlobStore store, DataHubGateway chain) throws Exception {
    byte[] expected = OpeningVariables.hex32(task.requireString(OpeningVariables.SIGNATURE_DIGEST),
        OpeningVariables.SIGNATURE_DIGEST);
    byte[] exported;
    try (InputStream in = store.get(Cid.parse(task.requireString(OpeningVariables.SIGNATURE_CID)))) {
      exported = in.readAllBytes();
    }
    if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(exported), expected)) {
      throw new SignatureMismatchException("the stored signature is not the one signatureDigest names");
    }
    Optional<byte[]> purchase = OpeningVariables.purchaseId(task);
    if (purchase.isPresent() && !Arrays.equals(chain.opening(purchase.get()).signatureDigest(), expected)) {
      throw new SignatureMismatchException("purchase " + HexFormat.of().formatHex(purchase.get())
          + " disputes another signature on chain");
    }
    return new DisputedSignature(exported);
  }

  /**
   * The signature as the scheme reads it.
   *
   * @throws MalformedInputException if the bytes are no signature of this scheme: a verdict of its
   *     own (invalid), not a fault
   */
  GroupSignature parse(DualControlOpening scheme) throws MalformedInputException {
    return scheme.importSignature(new String(exported, StandardCharsets.US_ASCII));
  }
}
