package org.healthhub.crypto.groupsig.cpy06;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.SchemeArguments;
import org.healthhub.crypto.groupsig.SchemeDescriptor;
import org.healthhub.crypto.groupsig.SchemeDescriptor.Capability;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.batch.BatchFold;
import org.healthhub.crypto.groupsig.batch.BatchVerifiable;
import org.healthhub.crypto.groupsig.batch.CommittedSignature;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.IssuingKey;
import org.healthhub.crypto.groupsig.opening.OpeningBases;
import org.healthhub.crypto.groupsig.opening.OpeningCiphertext;
import org.healthhub.crypto.groupsig.opening.OpeningManagerKey;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.FixedBaseG1;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.PrecomputedG2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.SmallExponents;

/**
 * CPY06 (Choi, Park, Yung 2006: short traceable signatures), byte-compatible with pygroupsig: a
 * four-message join in which the member's secret stays hidden, signatures that linearly encrypt A
 * and carry a tracing pair (T4, T5), opening by decryption, and the traceability operations reveal,
 * trace, prove_equality and claim. See ALGORITHMS.md §4.3.
 */
public final class Cpy06 implements DualControlOpening, Opening, BatchVerifiable {
  public static final String NAME = "cpy06";

  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(
          NAME,
          NAME,
          3,
          Set.of(
              Capability.OPEN,
              Capability.DUAL_CONTROL_OPEN,
              Capability.REVEAL,
              Capability.TRACE,
              Capability.PROVE_EQUALITY,
              Capability.CLAIM));

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public GroupSetup setup(RandomScalars rng) {
    Fr xi1 = rng.nextFr();
    Fr xi2 = rng.nextFr();
    Fr gamma = rng.nextFr();
    G1 q = G1.random(rng);
    G2 r = G2.generator().mul(gamma); // r = g2·gamma
    G2 w = G2.random(rng);
    G1 z;
    do {
      z = G1.random(rng);
    } while (z.isZero());
    G1 x = z.mul(xi1.inv()); // X = z·xi1⁻¹
    G1 y = z.mul(xi2.inv()); // Y = z·xi2⁻¹
    G1 g1 = G1.generator();
    G2 g2 = G2.generator();
    Cpy06GroupKey groupKey =
        new Cpy06GroupKey(
            q,
            r,
            w,
            x,
            y,
            z,
            Pairing.pairing(g1, w),
            Pairing.pairing(z, g2),
            Pairing.pairing(z, r),
            Pairing.pairing(g1, g2),
            Pairing.pairing(q, g2));
    return new GroupSetup(groupKey, new OpeningManagerKey(NAME, xi1, xi2, gamma), Gml.empty());
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    Cpy06GroupKey group = group(groupKey);
    Fr gamma = OpeningManagerKey.issuingSecret(NAME, managerKey);
    if (fromMember == null) {
      JoinMessage offer =
          JoinMessage.builder()
              .put("status", "success")
              .put("u", rng.nextFr())
              .put("v", rng.nextFr())
              .put("phase", 1)
              .build();
      return new ManagerJoinStep(offer, gml);
    }
    return Cpy06Join.issueCredential(group, gamma, gml, fromMember, rng);
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    Cpy06GroupKey group = group(groupKey);
    if (fromManager == null) {
      throw new MalformedInputException("cpy06 join: the manager speaks first");
    }
    int phase = fromManager.phase();
    if (phase == 1 && partialKey == null) {
      return Cpy06Join.commit(group, fromManager.fr("u"), fromManager.fr("v"), rng);
    }
    if (phase == 3 && partialKey != null) {
      return Cpy06Join.acceptCredential(group, member(partialKey), fromManager);
    }
    throw new MalformedInputException("cpy06 join: unexpected phase " + phase + " for the member");
  }

  @Override
  public GroupSignature sign(
      String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return signCommitted(message, memberKey, groupKey, rng).signature();
  }

  @Override
  public CommittedSignature signCommitted(
      String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    Cpy06GroupKey group = group(groupKey);
    Cpy06MemberKey key = member(memberKey);
    if (!key.isComplete()) {
      throw new MalformedInputException("cpy06 member key is partial: the join has not finished");
    }
    byte[] text = Transcript.utf8(message);
    Fr r1 = rng.nextFr();
    Fr r2 = rng.nextFr();
    Fr r3 = rng.nextFr();
    Fr d1 = key.t.mul(r1);
    Fr d2 = key.t.mul(r2);
    // every G1 product is of a group-key point, from its fixed-base table
    G1 t1 = group.xTable.mul(r1); // T1 = X·r1
    G1 t2 = group.yTable.mul(r2); // T2 = Y·r2
    G1 t3 = key.a.add(group.zTable.mul(r1.add(r2))); // T3 = A + Z·(r1+r2)
    G2 t4 = group.w.mul(r3); // T4 = w·r3
    GT t5 = group.e1Powers.pow(r3.mul(key.x)); // T5 = e1^(r3·x)
    Fr br1 = rng.nextFr();
    Fr br2 = rng.nextFr();
    Fr bd1 = rng.nextFr();
    Fr bd2 = rng.nextFr();
    Fr bt = rng.nextFr();
    Fr bx = rng.nextFr();
    G1 b1 = group.xTable.mul(br1);
    G1 b2 = group.yTable.mul(br2);
    G1 b3 = group.xTable.mul(r1.mul(bt).sub(bd1)); // B3 = T1·bt − X·bd1 = X·(r1·bt − bd1)
    G1 b4 = group.yTable.mul(r2.mul(bt).sub(bd2)); // B4 = T2·bt − Y·bd2 = Y·(r2·bt − bd2)
    GT b5 = group.e1Powers.pow(bx.mul(r3)); // B5 = e(g1, T4)^bx = e(g1, w)^(bx·r3) = e1^(bx·r3)
    // B6 = e(T3, g2)^bt · e2^(−bd1−bd2) · e3^(−br1−br2) · e4^(−bx), with T3 = A + z·(r1+r2):
    // e(T3, g2)^bt = e(A, g2)^bt · e2^((r1+r2)·bt), and e(A, g2) is cached with the member key;
    // each power from its base's table
    GT b6 =
        key.ag2Powers().pow(bt)
            .mul(group.e2Powers.pow(r1.add(r2).mul(bt).sub(bd1.add(bd2))))
            .mul(group.e3Powers.pow(br1.add(br2).neg()))
            .mul(group.e4Powers.pow(bx.neg()));
    Fr c = challenge(text, t1, t2, t3, t4, t5, b1, b2, b3, b4, b5, b6);
    Cpy06Signature signature = new Cpy06Signature(
        t1,
        t2,
        t3,
        t4,
        t5,
        c,
        br1.add(c.mul(r1)),
        br2.add(c.mul(r2)),
        bd1.add(c.mul(d1)),
        bd2.add(c.mul(d2)),
        bx.add(c.mul(key.x)),
        bt.add(c.mul(key.t)));
    return new Cpy06CommittedSignature(signature, b1, b2, b3, b4, b5, b6);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    Cpy06CommittedSignature recomputed = recomputeCommitments(signature(signature), group(groupKey));
    if (!challengeMatches(Transcript.utf8(message), recomputed)) {
      throw new InvalidSignatureException(
          "cpy06 signature: the recomputed challenge differs from c (wrong message, group or"
              + " signature)");
    }
  }

  /** The commitments a verifier derives from (c, s): exactly the signer's for a valid signature. */
  static Cpy06CommittedSignature recomputeCommitments(Cpy06Signature sig, Cpy06GroupKey group) {
    // products of group-key points and g1 from their fixed-base tables, of the signature's plainly
    G1 b1 = group.xTable.mul(sig.sr1).sub(sig.t1.mul(sig.c)); // B1 = X·sr1 − T1·c
    G1 b2 = group.yTable.mul(sig.sr2).sub(sig.t2.mul(sig.c)); // B2 = Y·sr2 − T2·c
    G1 b3 = sig.t1.mul(sig.st).sub(group.xTable.mul(sig.sd1)); // B3 = T1·st − X·sd1
    G1 b4 = sig.t2.mul(sig.st).sub(group.yTable.mul(sig.sd2)); // B4 = T2·st − Y·sd2
    G1 g1sx = FixedBaseG1.generator().mul(sig.sx);
    // B5 = e(g1, T4)^sx · (T5^c)⁻¹ = e(g1·sx, T4) · T5^(−c)
    GT b5 = Pairing.pairing(g1sx, sig.t4).mul(sig.t5.pow(sig.c.neg()));
    // B6 = e(T3, g2)^st · e2^(−sd1−sd2) · e3^(−sr1−sr2) · e4^(−sx) · (e(T3, r)/e5)^c; with
    // e2 = e(z, g2), e3 = e(z, r), e4 = e(g1, g2), e5 = e(q, g2) (checked at import) it is one
    // multi-pairing e(T3·st − z·(sd1+sd2) − g1·sx − q·c, g2) · e(T3·c − z·(sr1+sr2), r)
    GT b6 =
        Pairing.multiPairing(
            sig.t3.mul(sig.st)
                .sub(group.zTable.mul(sig.sd1.add(sig.sd2)))
                .sub(g1sx)
                .sub(group.qTable.mul(sig.c)),
            PrecomputedG2.generator(),
            sig.t3.mul(sig.c).sub(group.zTable.mul(sig.sr1.add(sig.sr2))),
            group.rLines);
    return new Cpy06CommittedSignature(sig, b1, b2, b3, b4, b5, b6);
  }

  private static boolean challengeMatches(byte[] message, Cpy06CommittedSignature s) {
    Cpy06Signature sig = s.signature;
    return challenge(
            message, sig.t1, sig.t2, sig.t3, sig.t4, sig.t5, s.b1, s.b2, s.b3, s.b4, s.b5, s.b6)
        .equals(sig.c);
  }

  @Override
  public CommittedSignature importCommittedSignature(String base64) throws MalformedInputException {
    return Cpy06CommittedSignature.fromBase64(base64);
  }

  /** The six equations of {@link #recomputeCommitments}, each with its own random exponent. */
  @Override
  public void addToFold(
      BatchFold fold, String message, CommittedSignature committed, GroupKey groupKey)
      throws InvalidSignatureException, MalformedInputException {
    Cpy06GroupKey group = group(groupKey);
    Cpy06CommittedSignature s =
        SchemeArguments.require(Cpy06CommittedSignature.class, committed, "cpy06 committed signature");
    if (!challengeMatches(Transcript.utf8(message), s)) {
      throw new InvalidSignatureException(
          "cpy06 committed signature: c is not the hash of the message and commitments");
    }
    Cpy06Signature sig = s.signature;
    List<Fr> rho = SmallExponents.draw(6);
    fold.addLinear(rho.get(0), s.b1, group.x, sig.sr1, sig.t1, sig.c.neg());
    fold.addLinear(rho.get(1), s.b2, group.y, sig.sr2, sig.t2, sig.c.neg());
    fold.addLinear(rho.get(2), s.b3, sig.t1, sig.st, group.x, sig.sd1.neg());
    fold.addLinear(rho.get(3), s.b4, sig.t2, sig.st, group.y, sig.sd2.neg());
    Fr rho5 = rho.get(4);
    fold.addCommitment(s.b5, rho5);
    fold.addPairing(G1.generator(), sig.t4, rho5.mul(sig.sx));
    fold.addRightPower(sig.t5, rho5.mul(sig.c).neg());
    Fr rho6 = rho.get(5);
    G2 g2 = G2.generator();
    fold.addCommitment(s.b6, rho6);
    fold.addPairing(sig.t3, rho6.mul(sig.st), g2);
    fold.addPairing(group.z, rho6.mul(sig.sd1.add(sig.sd2)).neg(), g2);
    fold.addPairing(G1.generator(), rho6.mul(sig.sx).neg(), g2);
    fold.addPairing(group.q, rho6.mul(sig.c).neg(), g2);
    fold.addPairing(sig.t3, rho6.mul(sig.c), group.r);
    fold.addPairing(group.z, rho6.mul(sig.sr1.add(sig.sr2)).neg(), group.r);
  }


  private static Fr challenge(
      byte[] message, G1 t1, G1 t2, G1 t3, G2 t4, GT t5, G1 b1, G1 b2, G1 b3, G1 b4, GT b5, GT b6) {
    return new Transcript()
        .add(message)
        .add(t1)
        .add(t2)
        .add(t3)
        .add(t4)
        .add(t5)
        .add(b1)
        .add(b2)
        .add(b3)
        .add(b4)
        .add(b5)
        .add(b6)
        .challenge();
  }

  /** Opens with the full manager key: A = T3 − (T1·xi1 + T2·xi2), the first GML entry with A. */
  @Override
  public Opened open(
      GroupSignature signature,
      GroupKey groupKey,
      ManagerKey managerKey,
      Gml gml,
      RandomScalars rng)
      throws GeneralSecurityException {
    group(groupKey);
    G1 a = OpeningManagerKey.requireFull(NAME, managerKey).decrypt(openingCiphertext(signature));
    for (String id : gml.memberIds()) {
      if (gml.entry(id).get(0).equals(a)) {
        return new Opened(id, Optional.empty());
      }
    }
    throw new SignerNotFoundException("cpy06 open: no member of the GML made this signature");
  }

  /** CPY06 openings carry no proof in pygroupsig. */
  @Override
  public void verifyOpening(GroupSignature signature, GroupKey groupKey, String proofBase64) {
    throw new UnsupportedOperationException("cpy06 openings carry no proof");
  }

  /**
   * pygroupsig's reveal: copies a member's GML entry (A, π) to the revocation list, so that {@link
   * #trace} recognises the member's signatures. Returns the new list.
   *
   * @throws UnknownMemberException if {@code memberId} is not in {@code gml}
   */
  public Gml reveal(String memberId, Gml gml, Gml crl) throws UnknownMemberException {
    return Cpy06Tracing.reveal(memberId, gml, crl);
  }

  /** Whether {@code signature} was made by a member on the revocation list {@code crl}. */
  public boolean trace(GroupSignature signature, GroupKey groupKey, Gml crl)
      throws MalformedInputException {
    return Cpy06Tracing.trace(signature, groupKey, crl);
  }

  /**
   * A member's proof that all {@code signatures} are its own, in list order; exported with {@link
   * DiscreteLogProof#toBase64()} as pygroupsig does.
   */
  public DiscreteLogProof proveEquality(
      List<GroupSignature> signatures, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return Cpy06Tracing.proveEquality(signatures, memberKey, groupKey, rng);
  }

  /**
   * Checks an equality proof with the group key alone.
   *
   * @throws InvalidSignatureException if the proof does not hold for these signatures, in order
   */
  public void verifyEquality(
      DiscreteLogProof proof, List<GroupSignature> signatures, GroupKey groupKey)
      throws GeneralSecurityException {
    Cpy06Tracing.verifyEquality(proof, signatures, groupKey);
  }

  /** A member's claim of one signature: {@link #proveEquality} of that signature alone. */
  public DiscreteLogProof claim(
      GroupSignature signature, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return proveEquality(List.of(signature), memberKey, groupKey, rng);
  }

  /**
   * Checks a claim with the group key alone.
   *
   * @throws InvalidSignatureException if the claimant did not make {@code signature}
   */
  public void verifyClaim(DiscreteLogProof proof, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    verifyEquality(proof, List.of(signature), groupKey);
  }

  @Override
  public OpeningBases openingBases(GroupKey groupKey) throws MalformedInputException {
    Cpy06GroupKey group = group(groupKey);
    return new OpeningBases(group.x, group.y, group.z);
  }

  @Override
  public OpeningCiphertext openingCiphertext(GroupSignature signature)
      throws MalformedInputException {
    Cpy06Signature sig = signature(signature);
    return new OpeningCiphertext(sig.t1, sig.t2, sig.t3);
  }

  @Override
  public String memberId(List<G1> entry) throws MalformedInputException {
    if (entry.size() != 2) {
      throw new MalformedInputException(
          "a cpy06 GML entry is (A, pi), got " + entry.size() + " elements");
    }
    return memberIdOf(entry.get(0), entry.get(1));
  }

  // GML id = hex(SHA-256(ser(A) ‖ ser(π)))
  static String memberIdOf(G1 a, G1 pi) {
    byte[] aBytes = a.toBytes();
    byte[] piBytes = pi.toBytes();
    byte[] both = Arrays.copyOf(aBytes, aBytes.length + piBytes.length);
    System.arraycopy(piBytes, 0, both, aBytes.length, piBytes.length);
    return HexFormat.of().formatHex(Transcript.sha256(both));
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Cpy06GroupKey.fromBase64(base64);
  }

  /** A full manager key (xi1, xi2, gamma), or a dual-control {@link IssuingKey} (gamma only). */
  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return OpeningManagerKey.importFullOrIssuing(NAME, base64);
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Cpy06MemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Cpy06Signature.fromBase64(base64);
  }

  static Cpy06GroupKey group(GroupKey key) throws MalformedInputException {
    return SchemeArguments.require(Cpy06GroupKey.class, key, "cpy06 group key");
  }

  static Cpy06MemberKey member(MemberKey key) throws MalformedInputException {
    return SchemeArguments.require(Cpy06MemberKey.class, key, "cpy06 member key");
  }

  static Cpy06Signature signature(GroupSignature signature) throws MalformedInputException {
    return SchemeArguments.require(Cpy06Signature.class, signature, "cpy06 signature");
  }
}
