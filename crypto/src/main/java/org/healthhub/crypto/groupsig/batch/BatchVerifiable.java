package org.healthhub.crypto.groupsig.batch;

import java.security.GeneralSecurityException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * A scheme whose signatures can also travel with their commitments, so that many verify in one
 * folded check ({@link org.healthhub.crypto.groupsig.BatchVerification#verifyAllCommitted}).
 */
public interface BatchVerifiable extends GroupSignatureScheme {
  /**
   * Signs exactly as {@link #sign} (the same signature for the same draws) and keeps the
   * commitments.
   */
  CommittedSignature signCommitted(
      String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * Decodes {@link CommittedSignature#toBase64()}; every commitment is checked to lie in its
   * prime-order group.
   *
   * @throws MalformedInputException on any malformed field, or a commitment outside its group
   */
  CommittedSignature importCommittedSignature(String base64) throws MalformedInputException;

  /**
   * Checks that the challenge is the hash of the message, the signature and the commitments,
   * then adds the signature's verification equations, each raised to a fresh random 64-bit
   * exponent, to {@code fold}. The signature is valid and its commitments are the ones a verifier
   * would recompute exactly when the challenge matches and the equations hold.
   *
   * @throws InvalidSignatureException if the challenge is not that hash (nothing is added then)
   * @throws MalformedInputException if the key or signature belongs to another scheme
   */
  void addToFold(BatchFold fold, String message, CommittedSignature signature, GroupKey groupKey)
      throws InvalidSignatureException, MalformedInputException;
}
