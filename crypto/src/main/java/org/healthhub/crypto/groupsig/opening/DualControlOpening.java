package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * A scheme whose signatures carry a linear encryption {@code (T1, T2, T3)} of the signer's
 * credential A, opened with {@code A = T3 − (T1·xi1 + T2·xi2)} (bbs04, cpy06), so that the opening
 * secret can be split between two managers ({@link DualControlOpener} does the rest).
 */
public interface DualControlOpening extends GroupSignatureScheme {
  /** The public bases of the encryption, read from the group key. */
  OpeningBases openingBases(GroupKey groupKey) throws MalformedInputException;

  /** The encryption of A inside a signature of this scheme. */
  OpeningCiphertext openingCiphertext(GroupSignature signature) throws MalformedInputException;

  /**
   * The GML id of a member entry (whose first element is A), as this scheme's join makes it.
   *
   * @throws MalformedInputException if the entry does not have this scheme's length
   */
  String memberId(List<G1> entry) throws MalformedInputException;

  /**
   * Splits a full manager key ({@link OpeningManagerKey}) into an issuing key and two opening
   * shares with their commitments; a key made by pygroupsig can so move to dual control. Fresh
   * randomness makes the shares.
   *
   * @throws InvalidShareCommitmentsException if the manager key does not belong to the group
   */
  default DualControlKeys splitManagerKey(
      GroupKey groupKey, ManagerKey managerKey, RandomScalars rng) throws GeneralSecurityException {
    return OpeningManagerKey.requireFull(descriptor().name(), managerKey)
        .split(openingBases(groupKey), rng);
  }

  /**
   * Creates a group whose opening secret exists only as two shares: the full manager key made by
   * {@link #setup} is split and dropped.
   */
  default DualControlSetup setupDualControl(RandomScalars rng) throws GeneralSecurityException {
    GroupSetup group = setup(rng);
    DualControlKeys keys = splitManagerKey(group.groupKey(), group.managerKey(), rng);
    return new DualControlSetup(group.groupKey(), group.gml(), keys);
  }
}
