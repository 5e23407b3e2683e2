package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;
import java.util.Optional;
import org.healthhub.crypto.mcl.RandomScalars;

/** Schemes whose manager can name the member behind a signature (bbs04, ps16, cpy06, klap20). */
public interface Opening {
  /**
   * Names the signer of a valid signature.
   *
   * @throws SignerNotFoundException when no member of {@code gml} made it
   */
  Opened open(
      GroupSignature signature, GroupKey groupKey, ManagerKey managerKey, Gml gml, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * Checks an opening's proof with the group key alone (ps16, klap20).
   *
   * @throws InvalidSignatureException if the proof does not hold
   * @throws UnsupportedOperationException for schemes whose openings carry no proof
   */
  void verifyOpening(GroupSignature signature, GroupKey groupKey, String proofBase64)
      throws GeneralSecurityException;

  /** The member id (64 hex) and, for schemes that prove their openings, the proof's export. */
  record Opened(String memberId, Optional<String> proofBase64) {}
}
