package org.healthhub.crypto.groupsig.bbs04;

import java.security.GeneralSecurityException;
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
import org.healthhub.crypto.groupsig.JoinRejectedException;
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
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.SmallExponents;

/**
 * BBS04 (Boneh, Boyen, Shacham 2004), byte-compatible with pygroupsig: one-message join in which
 * the manager picks the member secret, signatures that linearly encrypt the member's A, opening by
 * decryption. See ALGORITHMS.md §4.1.
 */
public final class Bbs04 implements DualControlOpening, Opening, BatchVerifiable {
  public static final String NAME = "bbs04";

  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(NAME, NAME, 1, Set.of(Capability.OPEN, Capability.DUAL_CONTROL_OPEN));

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public GroupSetup setup(RandomScalars rng) {
    G2 g2 = G2.random(rng);
    G1 g1 = G1.random(rng);
    G1 h;
    do {
      h = G1.random(rng);
    } while (h.isZero());
    Fr xi1 = rng.nextFr();
    Fr xi2 = rng.nextFr();
    G1 u = h.mul(xi1.inv()); // u = h·xi1⁻¹
    G1 v = h.mul(xi2.inv()); // v = h·xi2⁻¹
    Fr gamma = rng.nextFr();
    G2 w = g2.mul(gamma); // w = g2·gamma
    Bbs04GroupKey groupKey =
        new Bbs04GroupKey(
            g1,
            g2,
            h,
            u,
            v,
            w,
            Pairing.pairing(h, w),
            Pairing.pairing(h, g2),
            Pairing.pairing(g1, g2));
    return new GroupSetup(groupKey, new OpeningManagerKey(NAME, xi1, xi2, gamma), Gml.empty());
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    Bbs04GroupKey group = group(groupKey);
    Fr gamma = OpeningManagerKey.issuingSecret(NAME, managerKey);
    if (fromMember != null) {
      throw new MalformedInputException(
          "bbs04 join has one manager message; got phase " + fromMember.phase());
    }
    Fr x = rng.nextFr();
    G1 a = group.g1.mul(gamma.add(x).inv()); // A = g1·(gamma + x)⁻¹
    GT ag2 = Pairing.pairing(a, group.g2);
    JoinMessage message =
        JoinMessage.builder()
            .put("status", "success")
            .put("x", x)
            .put("A", a)
            .put("Ag2", ag2)
            .put("phase", 1)
            .build();
    return new ManagerJoinStep(message, gml.with(memberIdOf(a), List.of(a)));
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    Bbs04GroupKey group = group(groupKey);
    SchemeArguments.requirePhase(fromManager, 1, "bbs04 join");
    if (partialKey != null) {
      throw new MalformedInputException("bbs04 join: the member's key is complete after phase 1");
    }
    Fr x = fromManager.fr("x");
    G1 a = fromManager.g1("A").requireNonZero("bbs04 join A");
    GT ag2 = fromManager.gt("Ag2");
    // pygroupsig copies the credential unchecked; we check e(A, w + g2·x) = e(g1, g2) and Ag2.
    if (!Pairing.pairing(a, group.w.add(group.g2.mul(x))).equals(group.g1g2)) {
      throw new JoinRejectedException("bbs04 join: A is not a credential for x under this group");
    }
    if (!Pairing.pairing(a, group.g2).equals(ag2)) {
      throw new JoinRejectedException("bbs04 join: Ag2 is not e(A, g2)");
    }
    JoinMessage reply = JoinMessage.builder().put("status", "success").build();
    return new MemberJoinStep(reply, new Bbs04MemberKey(x, a, ag2), true);
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
    Bbs04GroupKey group = group(groupKey);
    Bbs04MemberKey key = member(memberKey);
    byte[] text = Transcript.utf8(message);
    Fr alpha = rng.nextFr();
    Fr beta = rng.nextFr();
    // every product is of a group-key point, from its fixed-base table
    G1 t1 = group.uTable.mul(alpha); // T1 = u·α
    G1 t2 = group.vTable.mul(beta); // T2 = v·β
    G1 t3 = key.a.add(group.hTable.mul(alpha.add(beta))); // T3 = A + h·(α+β)
    Fr delta1 = key.x.mul(alpha);
    Fr delta2 = key.x.mul(beta);
    Fr rAlpha = rng.nextFr();
    Fr rBeta = rng.nextFr();
    Fr rX = rng.nextFr();
    Fr rDelta1 = rng.nextFr();
    Fr rDelta2 = rng.nextFr();
    G1 r1 = group.uTable.mul(rAlpha);
    G1 r2 = group.vTable.mul(rBeta);
    // R3 = (hg2^(α+β)·Ag2)^rx · hw^(−rα−rβ) · hg2^(−rδ1−rδ2), the base being e(T3, g2);
    // = Ag2^rx · hw^(−rα−rβ) · hg2^((α+β)·rx − rδ1 − rδ2), one power fewer, each from its
    // key's power table
    GT r3 =
        key.ag2Powers.pow(rX)
            .mul(group.hwPowers.pow(rAlpha.add(rBeta).neg()))
            .mul(group.hg2Powers.pow(alpha.add(beta).mul(rX).sub(rDelta1.add(rDelta2))));
    G1 r4 = group.uTable.mul(alpha.mul(rX).sub(rDelta1)); // R4 = T1·rx − u·rδ1 = u·(α·rx − rδ1)
    G1 r5 = group.vTable.mul(beta.mul(rX).sub(rDelta2)); // R5 = T2·rx − v·rδ2 = v·(β·rx − rδ2)
    Fr c = challenge(text, t1, t2, t3, r1, r2, r3, r4, r5);
    Bbs04Signature signature =
        new Bbs04Signature(
            t1,
            t2,
            t3,
            c,
            rAlpha.add(c.mul(alpha)),
            rBeta.add(c.mul(beta)),
            rX.add(c.mul(key.x)),
            rDelta1.add(c.mul(delta1)),
            rDelta2.add(c.mul(delta2)));
    return new Bbs04CommittedSignature(signature, r1, r2, r3, r4, r5);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    Bbs04CommittedSignature recomputed = recomputeCommitments(signature(signature), group(groupKey));
    if (!challengeMatches(Transcript.utf8(message), recomputed)) {
      throw new InvalidSignatureException(
          "bbs04 signature: the recomputed challenge differs from c (wrong message, group or"
              + " signature)");
    }
  }

  /** The commitments a verifier derives from (c, s): exactly the signer's for a valid signature. */
  static Bbs04CommittedSignature recomputeCommitments(Bbs04Signature sig, Bbs04GroupKey group) {
    // products of group-key points from their fixed-base tables, of the signature's plainly
    G1 r1 = group.uTable.mul(sig.salpha).sub(sig.t1.mul(sig.c)); // R1 = u·salpha − T1·c
    G1 r2 = group.vTable.mul(sig.sbeta).sub(sig.t2.mul(sig.c)); // R2 = v·sbeta − T2·c
    // R3 = e(T3, g2·sx + w·c) · hw^(−salpha−sbeta) · hg2^(−sdelta1−sdelta2) · g1g2^(−c); with
    // hw = e(h, w), hg2 = e(h, g2), g1g2 = e(g1, g2) (checked at import) it is one multi-pairing
    // e(T3·sx − h·(sdelta1+sdelta2) − g1·c, g2) · e(T3·c − h·(salpha+sbeta), w)
    GT r3 =
        Pairing.multiPairing(
            sig.t3.mul(sig.sx)
                .sub(group.hTable.mul(sig.sdelta1.add(sig.sdelta2)))
                .sub(group.g1Table.mul(sig.c)),
            group.g2Lines,
            sig.t3.mul(sig.c).sub(group.hTable.mul(sig.salpha.add(sig.sbeta))),
            group.wLines);
    G1 r4 = sig.t1.mul(sig.sx).sub(group.uTable.mul(sig.sdelta1)); // R4 = T1·sx − u·sdelta1
    G1 r5 = sig.t2.mul(sig.sx).sub(group.vTable.mul(sig.sdelta2)); // R5 = T2·sx − v·sdelta2
    return new Bbs04CommittedSignature(sig, r1, r2, r3, r4, r5);
  }

  private static boolean challengeMatches(byte[] message, Bbs04CommittedSignature s) {
    Bbs04Signature sig = s.signature;
    return challenge(message, sig.t1, sig.t2, sig.t3, s.r1, s.r2, s.r3, s.r4, s.r5).equals(sig.c);
  }

  @Override
  public CommittedSignature importCommittedSignature(String base64) throws MalformedInputException {
    return Bbs04CommittedSignature.fromBase64(base64);
  }

  /** The five equations of {@link #recomputeCommitments}, each with its own random exponent. */
  @Override
  public void addToFold(
      BatchFold fold, String message, CommittedSignature committed, GroupKey groupKey)
      throws InvalidSignatureException, MalformedInputException {
    Bbs04GroupKey group = group(groupKey);
    Bbs04CommittedSignature s =
        SchemeArguments.require(Bbs04CommittedSignature.class, committed, "bbs04 committed signature");
    if (!challengeMatches(Transcript.utf8(message), s)) {
      throw new InvalidSignatureException(
          "bbs04 committed signature: c is not the hash of the message and commitments");
    }
    Bbs04Signature sig = s.signature;
    List<Fr> rho = SmallExponents.draw(5);
    // ρ·(R − Σ P·k) = 0 for R1, R2, R4, R5
    fold.addLinear(rho.get(0), s.r1, group.u, sig.salpha, sig.t1, sig.c.neg());
    fold.addLinear(rho.get(1), s.r2, group.v, sig.sbeta, sig.t2, sig.c.neg());
    fold.addLinear(rho.get(3), s.r4, sig.t1, sig.sx, group.u, sig.sdelta1.neg());
    fold.addLinear(rho.get(4), s.r5, sig.t2, sig.sx, group.v, sig.sdelta2.neg());
    Fr rho3 = rho.get(2);
    fold.addCommitment(s.r3, rho3);
    fold.addPairing(sig.t3, rho3.mul(sig.sx), group.g2);
    fold.addPairing(group.h, rho3.mul(sig.sdelta1.add(sig.sdelta2)).neg(), group.g2);
    fold.addPairing(group.g1, rho3.mul(sig.c).neg(), group.g2);
    fold.addPairing(sig.t3, rho3.mul(sig.c), group.w);
    fold.addPairing(group.h, rho3.mul(sig.salpha.add(sig.sbeta)).neg(), group.w);
  }


  private static Fr challenge(
      byte[] message, G1 t1, G1 t2, G1 t3, G1 r1, G1 r2, GT r3, G1 r4, G1 r5) {
    return new Transcript()
        .add(message)
        .add(t1)
        .add(t2)
        .add(t3)
        .add(r1)
        .add(r2)
        .add(r3)
        .add(r4)
        .add(r5)
        .challenge();
  }

  /** Opens with the full manager key: A = T3 − (T1·xi1 + T2·xi2), looked up by SHA-256(A). */
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
    String id = memberIdOf(a);
    if (!gml.contains(id)) {
      throw new SignerNotFoundException("bbs04 open: no member of the GML made this signature");
    }
    return new Opened(id, Optional.empty());
  }

  /** BBS04 openings carry no proof in pygroupsig. */
  @Override
  public void verifyOpening(GroupSignature signature, GroupKey groupKey, String proofBase64) {
    throw new UnsupportedOperationException("bbs04 openings carry no proof");
  }

  @Override
  public OpeningBases openingBases(GroupKey groupKey) throws MalformedInputException {
    Bbs04GroupKey group = group(groupKey);
    return new OpeningBases(group.u, group.v, group.h);
  }

  @Override
  public OpeningCiphertext openingCiphertext(GroupSignature signature)
      throws MalformedInputException {
    Bbs04Signature sig = signature(signature);
    return new OpeningCiphertext(sig.t1, sig.t2, sig.t3);
  }

  @Override
  public String memberId(List<G1> entry) throws MalformedInputException {
    if (entry.size() != 1) {
      throw new MalformedInputException(
          "a bbs04 GML entry is (A), got " + entry.size() + " elements");
    }
    return memberIdOf(entry.get(0));
  }

  // GML id = hex(SHA-256(ser(A)))
  private static String memberIdOf(G1 a) {
    return HexFormat.of().formatHex(Transcript.sha256(a.toBytes()));
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Bbs04GroupKey.fromBase64(base64);
  }

  /** A full manager key (xi1, xi2, gamma), or a dual-control {@link IssuingKey} (gamma only). */
  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return OpeningManagerKey.importFullOrIssuing(NAME, base64);
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Bbs04MemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Bbs04Signature.fromBase64(base64);
  }

  private static Bbs04GroupKey group(GroupKey key) throws MalformedInputException {
    return SchemeArguments.require(Bbs04GroupKey.class, key, "bbs04 group key");
  }

  private static Bbs04MemberKey member(MemberKey key) throws MalformedInputException {
    return SchemeArguments.require(Bbs04MemberKey.class, key, "bbs04 member key");
  }

  private static Bbs04Signature signature(GroupSignature signature) throws MalformedInputException {
    return SchemeArguments.require(Bbs04Signature.class, signature, "bbs04 signature");
  }
}
