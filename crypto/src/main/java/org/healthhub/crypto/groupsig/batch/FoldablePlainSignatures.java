package org.healthhub.crypto.groupsig.batch;

import java.security.GeneralSecurityException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;

/**
 * A scheme whose plain signatures, after their proof, still have a pairing equation to check
 * (gl19's issuer equation): {@link org.healthhub.crypto.groupsig.BatchVerification#verifyAll}
 * folds those equations of a whole batch into one multi-pairing.
 */
public interface FoldablePlainSignatures {
  /**
   * Runs every check of verify except the pairing equations, which it adds to {@code fold}, each
   * raised to a fresh random 64-bit exponent.
   *
   * @throws GeneralSecurityException as verify would for those checks (nothing is added then)
   */
  void addToFold(BatchFold fold, String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException;
}
