package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * Linking with an order (dl21seq): each signature carries sequence values derived from the
 * member's secret PRF keys and a counter {@code state}, so the member can prove that linked
 * signatures were made at consecutive states, in order. {@link Linking#sign} signs at state 0.
 */
public interface SequentialLinking extends Linking {
  GroupSignature sign(
      String message, MemberKey memberKey, GroupKey groupKey, String scope, long state, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * A link proof (as {@link #link}) carrying the PRF outputs that chain the signatures in order.
   *
   * @throws InvalidSignatureException if a signature does not verify or its sequence values are
   *     not the ones this member's keys give
   * @throws SignerNotFoundException if a signature is not the member's
   */
  String seqlink(LinkStatement statement, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * Checks a sequential link with the group key alone: the link, then that the signatures'
   * sequence values chain, in list order, under the proof's PRF outputs.
   *
   * @throws InvalidSignatureException if the link or the chain does not hold
   */
  void verifySeqlink(LinkStatement statement, String proofBase64, GroupKey groupKey)
      throws GeneralSecurityException;
}
