package org.healthhub.workers.opening;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.merkle.MerkleVerifier;
import org.healthhub.crypto.record.merkle.ProofVerificationException;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.purchase.DeliveredRecord;
import org.healthhub.workers.purchase.DisputeDeliveryHandler;
import org.healthhub.workers.purchase.DisputedRecord;

/**
 * What an opening holds the signature to. A Group Manager's own request names the signed root
 * ({@code signedRoot}). A dispute is judged on the record the hospital delivered: the buyer's worker
 * sealed it to the managers with its path to the delivery commitment the hospital posted on chain,
 * and only a record that leads there, carrying the disputed signature and naming the disputed group,
 * is judged; its root is the one the signature must verify on and its disclosed fields must lead
 * to. A dispute without such a record proved nothing against the delivery: it is unfounded, and the
 * delivery stands.
 *
 * @param root the root the signature must verify on, absent when the dispute is unfounded or the
 *     delivered record names no root
 * @param fieldsLeadToRoot whether the disclosed fields lead to {@code root} (always so for a Group
 *     Manager's request, which discloses no fields)
 * @param unfounded why the dispute is unfounded, if it is
 */
record JudgedContent(Optional<byte[]> root, boolean fieldsLeadToRoot, Optional<String> unfounded) {

  static JudgedContent of(TaskInput task, BlobStore store, ManagerWrappingKey groupManagerKey, DataHubGateway chain)
      throws Exception {
    Optional<byte[]> purchase = OpeningVariables.purchaseId(task);
    if (purchase.isEmpty()) {
      byte[] root = OpeningVariables.hex32(task.requireString(OpeningVariables.SIGNED_ROOT), OpeningVariables.SIGNED_ROOT);
      return new JudgedContent(Optional.of(root), true, Optional.empty());
    }
    Object cid = task.variables().get(DisputeDeliveryHandler.DISPUTED_RECORD_CID);
    if (!(cid instanceof String recordCid) || recordCid.isBlank()) {
      return unfounded("no disputed record came with it");
    }
    byte[] signatureDigest = OpeningVariables.hex32(task.requireString(OpeningVariables.SIGNATURE_DIGEST),
        OpeningVariables.SIGNATURE_DIGEST);
    byte[] sealed;
    try (InputStream in = store.get(Cid.parse(recordCid))) {
      sealed = in.readAllBytes();
    }
    DisputedRecord disputed;
    try {
      disputed = DisputedRecord.open(sealed, ManagerRole.GROUP_MANAGER, groupManagerKey.open(), purchase.get(),
          signatureDigest);
      if (!disputed.deliveredUnder(chain.purchase(purchase.get()).bundleDigest())) {
        return unfounded("the disputed record is not one the hospital committed to on chain");
      }
    } catch (GeneralSecurityException e) {
      return unfounded("the disputed record does not open as one for this dispute: " + e.getMessage());
    }
    DeliveredRecord record = disputed.record();
    byte[] carried = MessageDigest.getInstance("SHA-256").digest(record.signature().getBytes(StandardCharsets.US_ASCII));
    if (!MessageDigest.isEqual(carried, signatureDigest)) {
      return unfounded("the disputed record carries another signature than the one disputed");
    }
    if (!record.hospitalGroupId().equals(task.requireString(OpeningVariables.GROUP_ID))) {
      return unfounded("the dispute names another group than the disputed record's");
    }
    byte[] root;
    try {
      root = OpeningVariables.hex32(record.merkleRoot(), "merkleRoot");
    } catch (IllegalArgumentException e) {
      // The hospital committed to a record without a root: no signature or field can hold to it.
      return new JudgedContent(Optional.empty(), false, Optional.empty());
    }
    return new JudgedContent(Optional.of(root), leads(root, record), Optional.empty());
  }

  private static boolean leads(byte[] root, DeliveredRecord record) {
    try {
      MerkleVerifier.verify(root, record.disclosure());
      return true;
    } catch (ProofVerificationException | MalformedInputException e) {
      return false;
    }
  }

  private static JudgedContent unfounded(String why) {
    return new JudgedContent(Optional.empty(), false, Optional.of(why));
  }
}
