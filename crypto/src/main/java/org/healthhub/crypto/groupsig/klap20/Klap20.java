package org.healthhub.crypto.groupsig.klap20;

import static org.healthhub.crypto.groupsig.SchemeArguments.require;
import static org.healthhub.crypto.groupsig.SchemeArguments.requirePhase;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.JoinRejectedException;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.SchemeDescriptor;
import org.healthhub.crypto.groupsig.SchemeDescriptor.Capability;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.groupsig.spk.PairingHomomorphismProof2;
import org.healthhub.crypto.groupsig.spk.Point;
import org.healthhub.crypto.groupsig.spk.Representation;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * KLAP20 (Kim, Lee, Abdalla, Park 2020): a PS-style credential on a hashed member base, with the
 * member's {@code gg·alpha} escrowed to the opener twice (ElGamal-like under {@code ZZ0} and
 * {@code ZZ1}); either half opens, and the opening is proven with a pairing-homomorphism proof.
 */
public final class Klap20 implements GroupSignatureScheme, Opening {
  static final String NAME = "klap20";
  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(NAME, NAME, 3, Set.of(Capability.OPEN, Capability.OPEN_VERIFY));
  private static final List<Representation.Pair> JOIN_PAIRS =
      Representation.pairs(new int[][] {{0, 0}, {0, 1}, {1, 2}, {2, 2}, {0, 2}, {1, 3}, {0, 2}, {2, 4}});
  private static final List<Integer> JOIN_GROUPS = List.of(1, 1, 1, 1, 2, 2);

  /**
   * Chooses which opener half open uses. pygroupsig takes it from Python's {@code random}; the
   * result does not depend on it (both halves give {@code gg·alpha}), so ours comes from its own
   * SecureRandom and never from the scheme's {@link RandomScalars}, whose draws stay pygroupsig's.
   */
  private final SecureRandom halfChooser = new SecureRandom();

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public GroupSetup setup(RandomScalars rng) {
    Fr x = rng.nextFr();
    Fr y = rng.nextFr();
    G1 g = G1.random(rng);
    G2 gg = G2.random(rng);
    Fr z0 = rng.nextFr();
    Fr z1 = rng.nextFr();
    Klap20GroupKey group =
        new Klap20GroupKey(g, gg, gg.mul(x), gg.mul(y), gg.mul(z0), gg.mul(z1));
    return new GroupSetup(group, new Klap20ManagerKey(x, y, z0, z1), Gml.empty());
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    Klap20GroupKey group = require(Klap20GroupKey.class, groupKey, "klap20 group key");
    Klap20ManagerKey manager = require(Klap20ManagerKey.class, managerKey, "klap20 manager key");
    if (fromMember == null) {
      JoinMessage challenge =
          JoinMessage.builder().put("status", "success").put("n", G1.random(rng)).put("phase", 1).build();
      return new ManagerJoinStep(challenge, gml);
    }
    requirePhase(fromMember, 2, "klap20 join manager");
    G1 n = fromMember.g1("n");
    G1 f = fromMember.g1("f").requireNonZero("klap20 join f");
    G1 w = fromMember.g1("w");
    G2 ss0 = fromMember.g2("SS0");
    G2 ss1 = fromMember.g2("SS1");
    G2 ff0 = fromMember.g2("ff0");
    G2 ff1 = fromMember.g2("ff1");
    GeneralRepresentationProof pi = GeneralRepresentationProof.fromBase64(fromMember.string("pi"));
    G1 u = hashedBase(f);
    if (!pi.verifies(joinStatement(group, u, f, w, ss0, ss1, ff0, ff1), n.toBytes())) {
      throw new JoinRejectedException("klap20 join: proof of alpha, s0, s1 fails");
    }
    G1 v = u.mul(manager.x).add(w.mul(manager.y)); // v = u·x + w·y
    GT tau = Pairing.pairing(f, group.gg); // tau = e(f, gg)
    String id = new Transcript().add(ss0).add(ss1).add(ff0).add(ff1).add(tau).sha256Hex();
    JoinMessage credential =
        JoinMessage.builder().put("status", "success").put("v", v).put("phase", 3).build();
    return new ManagerJoinStep(credential, gml.with(id, List.of(ss0, ss1, ff0, ff1, tau)));
  }

  /** {@code u = HG1(SHA-256(ser(f)))}. */
  private static G1 hashedBase(G1 f) {
    return G1.hashAndMapTo(Transcript.sha256(f.toBytes()));
  }

  /**
   * f = g·alpha; w = u·alpha; SS0 = gg·s0; SS1 = gg·s1; ff0 = gg·alpha + ZZ0·s0;
   * ff1 = gg·alpha + ZZ1·s1, witnesses (alpha, s0, s1), bases (g, u, gg, ZZ0, ZZ1).
   */
  private static Representation joinStatement(
      Klap20GroupKey group, G1 u, G1 f, G1 w, G2 ss0, G2 ss1, G2 ff0, G2 ff1) {
    return new Representation(
        List.of(Point.of(f), Point.of(w), Point.of(ss0), Point.of(ss1), Point.of(ff0), Point.of(ff1)),
        List.of(Point.of(group.g), Point.of(u), Point.of(group.gg), Point.of(group.zz0), Point.of(group.zz1)),
        JOIN_PAIRS,
        JOIN_GROUPS);
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    Klap20GroupKey group = require(Klap20GroupKey.class, groupKey, "klap20 group key");
    if (partialKey == null) {
      requirePhase(fromManager, 1, "klap20 join member");
      G1 n = fromManager.g1("n");
      Fr alpha = rng.nextFr();
      Fr s0 = rng.nextFr();
      Fr s1 = rng.nextFr();
      G1 f = group.g.mul(alpha);
      G1 u = hashedBase(f);
      G1 w = u.mul(alpha);
      G2 ggAlpha = group.gg.mul(alpha);
      G2 ss0 = group.gg.mul(s0);
      G2 ss1 = group.gg.mul(s1);
      G2 ff0 = ggAlpha.add(group.zz0.mul(s0));
      G2 ff1 = ggAlpha.add(group.zz1.mul(s1));
      GeneralRepresentationProof pi =
          GeneralRepresentationProof.prove(
              joinStatement(group, u, f, w, ss0, ss1, ff0, ff1), List.of(alpha, s0, s1), n.toBytes(), rng);
      JoinMessage reply =
          JoinMessage.builder()
              .put("status", "success")
              .put("n", n)
              .put("f", f)
              .put("w", w)
              .put("SS0", ss0)
              .put("SS1", ss1)
              .put("ff0", ff0)
              .put("ff1", ff1)
              .put("pi", pi.toBase64())
              .put("phase", 2)
              .build();
      return new MemberJoinStep(reply, new Klap20MemberKey(alpha, u, G1.zero(), w), false);
    }
    Klap20MemberKey partial = require(Klap20MemberKey.class, partialKey, "klap20 member key");
    requirePhase(fromManager, 3, "klap20 join member");
    G1 v = fromManager.g1("v").requireNonZero("klap20 join v");
    // e(v, gg) = e(u, XX)·e(w, YY)
    GT check = Pairing.multiPairing(
        List.of(v, partial.u.neg(), partial.w.neg()), List.of(group.gg, group.xx, group.yy));
    if (!check.isOne()) {
      throw new JoinRejectedException("klap20 join: e(v, gg) != e(u, XX)·e(w, YY)");
    }
    JoinMessage reply = JoinMessage.builder().put("status", "success").build();
    return new MemberJoinStep(reply, new Klap20MemberKey(partial.alpha, partial.u, v, partial.w), true);
  }

  @Override
  public GroupSignature sign(String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    require(Klap20GroupKey.class, groupKey, "klap20 group key");
    Klap20MemberKey member = require(Klap20MemberKey.class, memberKey, "klap20 member key");
    if (!member.complete()) {
      throw new MalformedInputException("klap20 member key has no credential yet (join unfinished)");
    }
    byte[] text = Transcript.utf8(message);
    Fr r = rng.nextFr();
    // every product is of a member-key point, from its fixed-base table
    G1 uu = member.uTable.mul(r);
    G1 vv = member.vTable.mul(r);
    G1 ww = member.wTable.mul(r);
    DiscreteLogProof pi =
        DiscreteLogProof.prove(ww, uu, member.alpha, text, rng, k -> member.uTable.mul(r.mul(k))); // uu·k = u·(r·k)
    return new Klap20Signature(uu, vv, ww, pi);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    Klap20GroupKey group = require(Klap20GroupKey.class, groupKey, "klap20 group key");
    Klap20Signature sig = require(Klap20Signature.class, signature, "klap20 signature");
    byte[] text = Transcript.utf8(message);
    if (sig.uu.isZero()) {
      throw new InvalidSignatureException("klap20 signature: uu is the identity (forgeable)");
    }
    if (!sig.pi.verifies(sig.ww, sig.uu, text)) {
      throw new InvalidSignatureException("klap20 signature: proof of alpha (ww = uu·alpha) fails");
    }
    // e(vv, gg) = e(uu, XX)·e(ww, YY)
    GT check = Pairing.multiPairing(
        List.of(sig.vv, sig.uu.neg(), sig.ww.neg()), List.of(group.gg, group.xx, group.yy));
    if (!check.isOne()) {
      throw new InvalidSignatureException("klap20 signature: e(vv, gg) != e(uu, XX)·e(ww, YY)");
    }
  }

  @Override
  public Opened open(
      GroupSignature signature, GroupKey groupKey, ManagerKey managerKey, Gml gml, RandomScalars rng)
      throws GeneralSecurityException {
    Klap20GroupKey group = require(Klap20GroupKey.class, groupKey, "klap20 group key");
    Klap20ManagerKey manager = require(Klap20ManagerKey.class, managerKey, "klap20 manager key");
    Klap20Signature sig = require(Klap20Signature.class, signature, "klap20 signature");
    int half = halfChooser.nextInt(2);
    GT e2 = Pairing.pairing(sig.ww, group.gg);
    for (String id : gml.memberIds()) {
      List<Object> entry = gml.entry(id);
      if (entry.size() != 5) {
        throw new MalformedInputException("klap20 GML entry must hold SS0, SS1, ff0, ff1, tau");
      }
      G2 ss = require(G2.class, entry.get(half), "klap20 GML entry SS" + half);
      G2 ff = require(G2.class, entry.get(2 + half), "klap20 GML entry ff" + half);
      GT tau = require(GT.class, entry.get(4), "klap20 GML entry tau");
      G2 ggAlpha = ff.sub(ss.mul(manager.z(half))); // ff_b − SS_b·z_b = gg·alpha
      if (Pairing.pairing(sig.uu, ggAlpha).equals(e2)
          && Pairing.pairing(group.g, ggAlpha).equals(tau)) {
        PairingHomomorphismProof2 proof =
            PairingHomomorphismProof2.prove(ggAlpha, sig.uu, group.g, e2, tau, sig.canonicalBytes(), rng);
        return new Opened(id, Optional.of(proof.toBase64()));
      }
    }
    throw new SignerNotFoundException("klap20 open: no member of the list made this signature");
  }

  @Override
  public void verifyOpening(GroupSignature signature, GroupKey groupKey, String proofBase64)
      throws GeneralSecurityException {
    Klap20GroupKey group = require(Klap20GroupKey.class, groupKey, "klap20 group key");
    Klap20Signature sig = require(Klap20Signature.class, signature, "klap20 signature");
    PairingHomomorphismProof2 proof = PairingHomomorphismProof2.fromBase64(proofBase64);
    GT e2 = Pairing.pairing(sig.ww, group.gg);
    if (!proof.verifies(sig.uu, group.g, e2, sig.canonicalBytes())) {
      throw new InvalidSignatureException("klap20 opening proof does not hold for this signature");
    }
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Klap20GroupKey.fromBase64(base64);
  }

  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return Klap20ManagerKey.fromBase64(base64);
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Klap20MemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Klap20Signature.fromBase64(base64);
  }
}
