package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * Schemes whose signatures carry a per-scope pseudonym (dl21, dl21seq): a member's signatures in
 * one scope share it, so the member can later prove, without opening, that a set of signatures
 * are all theirs. The scheme's plain {@code sign}/{@code verify} use the scope {@value
 * #DEFAULT_SCOPE}. Scopes are text, UTF-8 encoded (a lone surrogate is malformed).
 */
public interface Linking {
  String DEFAULT_SCOPE = "def";

  GroupSignature sign(
      String message, MemberKey memberKey, GroupKey groupKey, String scope, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * Returns normally if and only if {@code signature} is a valid signature of {@code message} in
   * {@code scope}.
   *
   * @throws InvalidSignatureException if it is not
   */
  void verify(String message, GroupSignature signature, GroupKey groupKey, String scope)
      throws GeneralSecurityException;

  /** Whether {@code memberKey} made {@code signature} in {@code scope} (its pseudonym matches). */
  boolean identify(GroupSignature signature, MemberKey memberKey, String scope)
      throws GeneralSecurityException;

  /**
   * Proves that the member of {@code memberKey} made every signature of {@code statement}.
   *
   * @return the link proof's export
   * @throws InvalidSignatureException if a signature does not verify in the statement's scope
   * @throws SignerNotFoundException if a signature is not the member's
   * @throws org.healthhub.crypto.MalformedInputException if the statement has no signature, or
   *     not one message per signature
   */
  String link(LinkStatement statement, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * Checks a link proof with the group key alone; every signature is verified in the
   * statement's scope.
   *
   * @throws InvalidSignatureException if a signature or the proof does not verify
   */
  void verifyLink(LinkStatement statement, String proofBase64, GroupKey groupKey)
      throws GeneralSecurityException;
}
