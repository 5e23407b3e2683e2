package org.healthhub.crypto.groupsig.opening;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.groupsig.spk.Point;
import org.healthhub.crypto.groupsig.spk.Representation;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * Dual-control opening for schemes with a linear encryption of A ({@link DualControlOpening}): the
 * opening secret (xi1, xi2) is split additively between the Group Manager (a1, a2) and the
 * Revocation Manager (b1, b2). Each computes a {@link PartialOpening} {@code P = T1·s1 + T2·s2}
 * with a Chaum-Pedersen style proof; the combiner checks both and recovers {@code A = T3 − P_gm −
 * P_rm}. See crypto/README.md, "Dual-control opening".
 */
public final class DualControlOpener {
  private static final String DOMAIN = "healthhub-dual-control-opening-v1";
  // Y = [C1, C2, P], G = [first, second, T1, T2]: C1 = first·s1, C2 = second·s2,
  // P = T1·s1 + T2·s2 with the same witnesses (s1, s2).
  private static final List<Representation.Pair> PAIRS =
      Representation.pairs(new int[][] {{0, 0}, {1, 1}, {0, 2}, {1, 3}});
  private static final List<Integer> GROUP_SIZES = List.of(1, 1, 2);

  private DualControlOpener() {}

  /**
   * Splits (xi1, xi2) into the two managers' shares: a1, a2 random, b1 = xi1 − a1, b2 = xi2 − a2;
   * gamma goes to the Group Manager's issuing key.
   *
   * @throws InvalidShareCommitmentsException if (xi1, xi2) does not open under {@code bases}
   */
  static DualControlKeys split(
      String scheme, OpeningBases bases, Fr xi1, Fr xi2, Fr gamma, RandomScalars rng)
      throws InvalidShareCommitmentsException {
    Fr a1 = rng.nextFr();
    Fr a2 = rng.nextFr();
    Fr b1 = xi1.sub(a1);
    Fr b2 = xi2.sub(a2);
    ShareCommitments commitments =
        new ShareCommitments(
            scheme,
            bases.first().mul(a1), // U1 = u·a1
            bases.second().mul(a2), // U2 = v·a2
            bases.first().mul(b1), // V1 = u·b1
            bases.second().mul(b2)); // V2 = v·b2
    try {
      commitments.checkAgainst(bases);
    } catch (InvalidShareCommitmentsException e) {
      throw new InvalidShareCommitmentsException(
          "the manager key does not belong to this group: " + e.getMessage());
    }
    return new DualControlKeys(
        new IssuingKey(scheme, gamma),
        new OpeningShare(scheme, ManagerRole.GROUP_MANAGER, a1, a2),
        new OpeningShare(scheme, ManagerRole.REVOCATION_MANAGER, b1, b2),
        commitments);
  }

  /**
   * One manager's partial opening of {@code signature}, with its proof.
   *
   * @throws WrongShareException if {@code share} is not the one {@code commitments} publish
   * @throws InvalidShareCommitmentsException if the commitments are not the group's
   */
  public static PartialOpening partialOpen(
      DualControlOpening scheme,
      GroupKey groupKey,
      ShareCommitments commitments,
      OpeningShare share,
      GroupSignature signature,
      RandomScalars rng)
      throws GeneralSecurityException {
    String name = scheme.descriptor().name();
    requireScheme(name, "opening share", share.scheme());
    requireScheme(name, "share commitments", commitments.scheme());
    OpeningBases bases = scheme.openingBases(groupKey);
    commitments.checkAgainst(bases);
    ManagerRole role = share.role();
    if (!bases.first().mul(share.s1).equals(commitments.first(role))
        || !bases.second().mul(share.s2).equals(commitments.second(role))) {
      throw new WrongShareException(
          "the " + role + " share does not match the commitment published for it");
    }
    OpeningCiphertext ciphertext = scheme.openingCiphertext(signature);
    G1 p = ciphertext.t1().mul(share.s1).add(ciphertext.t2().mul(share.s2)); // P = T1·s1 + T2·s2
    String digest = digestOf(signature);
    GeneralRepresentationProof proof =
        GeneralRepresentationProof.prove(
            statement(bases, ciphertext, commitments, role, p),
            List.of(share.s1, share.s2),
            binding(name, role, digest),
            rng);
    return new PartialOpening(name, role, digest, p, proof);
  }

  /**
   * Checks both partial openings and names the signer.
   *
   * @throws MissingPartialOpeningException if one is {@code null}
   * @throws DuplicateManagerException if both come from the same manager
   * @throws PartialOpeningRejectedException if one is for another signature or its proof fails
   * @throws InvalidShareCommitmentsException if the commitments are not the group's
   * @throws SignerNotFoundException if no member of {@code gml} made the signature
   */
  public static OpeningResult combine(
      DualControlOpening scheme,
      GroupKey groupKey,
      ShareCommitments commitments,
      GroupSignature signature,
      Gml gml,
      PartialOpening first,
      PartialOpening second)
      throws GeneralSecurityException {
    PartialOpening gm = byRole(ManagerRole.GROUP_MANAGER, first, second);
    PartialOpening rm = byRole(ManagerRole.REVOCATION_MANAGER, first, second);
    G1 a = recover(scheme, groupKey, commitments, signature, gm, rm);
    for (String id : gml.memberIds()) {
      List<G1> entry = pointsOf(gml.entry(id));
      if (!entry.isEmpty() && entry.get(0).equals(a)) {
        return new OpeningResult(id, entry, gm, rm);
      }
    }
    throw new SignerNotFoundException("no member of the membership list made this signature");
  }

  /**
   * Checks an opening result with public data only: both proofs, that the credential recovered from
   * them is the entry's first element, and that the entry hashes to the member id.
   *
   * @throws InvalidOpeningException if the result names a member that did not sign
   * @throws PartialOpeningRejectedException if a partial opening does not hold
   */
  public static void verify(
      DualControlOpening scheme,
      OpeningResult result,
      GroupSignature signature,
      GroupKey groupKey,
      ShareCommitments commitments)
      throws GeneralSecurityException {
    PartialOpening gm =
        byRole(ManagerRole.GROUP_MANAGER, result.groupManager(), result.revocationManager());
    PartialOpening rm =
        byRole(ManagerRole.REVOCATION_MANAGER, result.groupManager(), result.revocationManager());
    G1 a = recover(scheme, groupKey, commitments, signature, gm, rm);
    if (!result.entry().get(0).equals(a)) {
      throw new InvalidOpeningException(
          "the entry's credential is not the one the signature hides");
    }
    if (!scheme.memberId(result.entry()).equals(result.memberId())) {
      throw new InvalidOpeningException("the member id is not the id of the entry");
    }
  }

  private static G1 recover(
      DualControlOpening scheme,
      GroupKey groupKey,
      ShareCommitments commitments,
      GroupSignature signature,
      PartialOpening gm,
      PartialOpening rm)
      throws GeneralSecurityException {
    String name = scheme.descriptor().name();
    requireScheme(name, "share commitments", commitments.scheme());
    OpeningBases bases = scheme.openingBases(groupKey);
    commitments.checkAgainst(bases);
    OpeningCiphertext ciphertext = scheme.openingCiphertext(signature);
    String digest = digestOf(signature);
    for (PartialOpening partial : List.of(gm, rm)) {
      ManagerRole role = partial.role();
      if (!partial.scheme().equals(name)) {
        throw new PartialOpeningRejectedException(
            "the " + role + " partial opening is for scheme " + partial.scheme());
      }
      if (!partial.signatureDigest().equals(digest)) {
        throw new PartialOpeningRejectedException(
            "the " + role + " partial opening is for another signature");
      }
      Representation statement = statement(bases, ciphertext, commitments, role, partial.p);
      if (!partial.proof.verifies(statement, binding(name, role, digest))) {
        throw new PartialOpeningRejectedException(
            "the proof of the " + role + " partial opening does not hold");
      }
    }
    return ciphertext.t3().sub(gm.p).sub(rm.p); // A = T3 − P_gm − P_rm
  }

  private static PartialOpening byRole(
      ManagerRole role, PartialOpening first, PartialOpening second)
      throws GeneralSecurityException {
    if (first == null || second == null) {
      throw new MissingPartialOpeningException(
          "both managers' partial openings are needed; one is missing");
    }
    if (first.role() == second.role()) {
      throw new DuplicateManagerException("both partial openings come from the " + first.role());
    }
    return first.role() == role ? first : second;
  }

  private static Representation statement(
      OpeningBases bases,
      OpeningCiphertext ciphertext,
      ShareCommitments commitments,
      ManagerRole role,
      G1 p) {
    return new Representation(
        List.of(Point.of(commitments.first(role)), Point.of(commitments.second(role)), Point.of(p)),
        List.of(
            Point.of(bases.first()),
            Point.of(bases.second()),
            Point.of(ciphertext.t1()),
            Point.of(ciphertext.t2())),
        PAIRS,
        GROUP_SIZES);
  }

  private static byte[] binding(String scheme, ManagerRole role, String digest) {
    return String.join("|", DOMAIN, scheme, role.label(), digest)
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String digestOf(GroupSignature signature) {
    return HexFormat.of()
        .formatHex(Transcript.sha256(signature.toBase64().getBytes(StandardCharsets.US_ASCII)));
  }

  private static List<G1> pointsOf(List<Object> entry) {
    List<G1> points = new ArrayList<>(entry.size());
    for (Object element : entry) {
      if (!(element instanceof G1 point)) {
        return List.of();
      }
      points.add(point);
    }
    return points;
  }

  private static void requireScheme(String expected, String what, String actual)
      throws MalformedInputException {
    if (!expected.equals(actual)) {
      throw new MalformedInputException(
          what + " of scheme " + actual + " used with scheme " + expected);
    }
  }
}
