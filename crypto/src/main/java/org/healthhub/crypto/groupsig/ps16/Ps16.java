package org.healthhub.crypto.groupsig.ps16;

import static org.healthhub.crypto.groupsig.SchemeArguments.require;
import static org.healthhub.crypto.groupsig.SchemeArguments.requirePhase;

import java.security.GeneralSecurityException;
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
import org.healthhub.crypto.groupsig.spk.PairingHomomorphismProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * PS16 (Pointcheval-Sanders short randomizable signatures as group signatures): the manager
 * signs the member's committed secret; a group signature re-randomizes that credential and proves
 * knowledge of the secret. The manager opens by matching the credential against the membership
 * list and proves the match with a pairing-homomorphism proof anyone can check with the group key.
 */
public final class Ps16 implements GroupSignatureScheme, Opening {
  static final String NAME = "ps16";
  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(NAME, NAME, 3, Set.of(Capability.OPEN, Capability.OPEN_VERIFY));

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
    Ps16GroupKey group = new Ps16GroupKey(g, gg, gg.mul(x), gg.mul(y)); // X = gg·x, Y = gg·y
    return new GroupSetup(group, new Ps16ManagerKey(x, y), Gml.empty());
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    Ps16GroupKey group = require(Ps16GroupKey.class, groupKey, "ps16 group key");
    Ps16ManagerKey manager = require(Ps16ManagerKey.class, managerKey, "ps16 manager key");
    if (fromMember == null) {
      JoinMessage challenge =
          JoinMessage.builder().put("status", "success").put("n", G1.random(rng)).put("phase", 1).build();
      return new ManagerJoinStep(challenge, gml);
    }
    requirePhase(fromMember, 2, "ps16 join manager");
    G1 n = fromMember.g1("n");
    G1 tau = fromMember.g1("tau").requireNonZero("ps16 join tau");
    G2 ttau = fromMember.g2("ttau");
    DiscreteLogProof pi = DiscreteLogProof.fromBase64(fromMember.string("pi"));
    if (!pi.verifies(tau, group.g, n.toBytes())) {
      throw new JoinRejectedException("ps16 join: proof of knowledge of sk fails");
    }
    if (!Pairing.pairing(tau, group.bigY).equals(Pairing.pairing(group.g, ttau))) {
      throw new JoinRejectedException("ps16 join: e(tau, Y) != e(g, ttau)");
    }
    Fr u = rng.nextFr();
    G1 sigma1 = group.g.mul(u); // sigma1 = g·u
    G1 sigma2 = tau.mul(manager.y).add(group.g.mul(manager.x)).mul(u); // (tau·y + g·x)·u
    String id = memberId(tau, ttau);
    JoinMessage credential =
        JoinMessage.builder()
            .put("status", "success")
            .put("sigma1", sigma1)
            .put("sigma2", sigma2)
            .put("phase", 3)
            .build();
    return new ManagerJoinStep(credential, gml.with(id, List.of(tau, ttau)));
  }

  /** GML id: {@code hex(SHA-256(ser(tau) ‖ ser(ttau)))}. */
  private static String memberId(G1 tau, G2 ttau) {
    return new Transcript().add(tau).add(ttau).sha256Hex();
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    Ps16GroupKey group = require(Ps16GroupKey.class, groupKey, "ps16 group key");
    if (partialKey == null) {
      requirePhase(fromManager, 1, "ps16 join member");
      G1 n = fromManager.g1("n");
      Fr sk = rng.nextFr();
      G1 tau = group.g.mul(sk); // tau = g·sk
      G2 ttau = group.bigY.mul(sk); // ttau = Y·sk
      DiscreteLogProof pi = DiscreteLogProof.prove(tau, group.g, sk, n.toBytes(), rng);
      JoinMessage reply =
          JoinMessage.builder()
              .put("status", "success")
              .put("n", n)
              .put("tau", tau)
              .put("ttau", ttau)
              .put("pi", pi.toBase64())
              .put("phase", 2)
              .build();
      return new MemberJoinStep(reply, new Ps16MemberKey(sk, G1.zero(), G1.zero()), false);
    }
    Ps16MemberKey partial = require(Ps16MemberKey.class, partialKey, "ps16 member key");
    requirePhase(fromManager, 3, "ps16 join member");
    G1 sigma1 = fromManager.g1("sigma1").requireNonZero("ps16 join sigma1");
    G1 sigma2 = fromManager.g1("sigma2");
    // pygroupsig takes the credential unchecked; a PS signature on sk must satisfy
    // e(sigma1, X + Y·sk) = e(sigma2, gg).
    G2 xy = group.bigX.add(group.bigY.mul(partial.sk));
    if (!Pairing.pairing(sigma1, xy).equals(Pairing.pairing(sigma2, group.gg))) {
      throw new JoinRejectedException("ps16 join: the credential is not a signature on our secret");
    }
    JoinMessage reply = JoinMessage.builder().put("status", "success").build();
    return new MemberJoinStep(reply, new Ps16MemberKey(partial.sk, sigma1, sigma2), true);
  }

  @Override
  public GroupSignature sign(String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    Ps16GroupKey group = require(Ps16GroupKey.class, groupKey, "ps16 group key");
    Ps16MemberKey member = require(Ps16MemberKey.class, memberKey, "ps16 member key");
    if (!member.complete()) {
      throw new MalformedInputException("ps16 member key has no credential yet (join unfinished)");
    }
    byte[] text = Transcript.utf8(message);
    Fr t = rng.nextFr();
    G1 sigma1 = member.sigma1Table.mul(t); // the credential's points, from their fixed-base tables
    G1 sigma2 = member.sigma2Table.mul(t);
    Fr k = rng.nextFr();
    // E = e(σ1, Y)^k = e(credential σ1, Y)^(t·k), the pairing cached with the member key
    GT e = member.credentialPairing(group.bigY).pow(t.mul(k));
    Fr c = new Transcript().add(sigma1).add(sigma2).add(e).add(text).challenge();
    return new Ps16Signature(sigma1, sigma2, new DiscreteLogProof(c, k.add(c.mul(member.sk))));
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    Ps16GroupKey group = require(Ps16GroupKey.class, groupKey, "ps16 group key");
    Ps16Signature sig = require(Ps16Signature.class, signature, "ps16 signature");
    byte[] text = Transcript.utf8(message);
    if (sig.sigma1.isZero()) {
      throw new InvalidSignatureException("ps16 signature: sigma1 is the identity (forgeable)");
    }
    Fr c = sig.pi.c();
    // R = ((e(−σ1, X)·e(σ2, gg))^c)⁻¹ · e(σ1·s, Y) = e(σ1·c, X)·e(σ2·(−c), gg)·e(σ1·s, Y)
    GT r =
        Pairing.multiPairing(
            List.of(sig.sigma1.mul(c), sig.sigma2.mul(c.neg()), sig.sigma1.mul(sig.pi.s())),
            List.of(group.bigX, group.gg, group.bigY));
    Fr expected = new Transcript().add(sig.sigma1).add(sig.sigma2).add(r).add(text).challenge();
    if (!expected.equals(c)) {
      throw new InvalidSignatureException("ps16 signature: challenge does not match (proof of sk fails)");
    }
  }

  @Override
  public Opened open(
      GroupSignature signature, GroupKey groupKey, ManagerKey managerKey, Gml gml, RandomScalars rng)
      throws GeneralSecurityException {
    Ps16GroupKey group = require(Ps16GroupKey.class, groupKey, "ps16 group key");
    require(Ps16ManagerKey.class, managerKey, "ps16 manager key");
    Ps16Signature sig = require(Ps16Signature.class, signature, "ps16 signature");
    GT e4 = credentialPairing(sig, group);
    for (String id : gml.memberIds()) {
      List<Object> entry = gml.entry(id);
      G2 ttau = require(G2.class, entry.size() == 2 ? entry.get(1) : null, "ps16 GML entry ttau");
      GT e3 = Pairing.pairing(sig.sigma1, ttau);
      if (e3.equals(e4)) {
        PairingHomomorphismProof proof =
            PairingHomomorphismProof.prove(sig.sigma1, e3, ttau, sig.canonicalBytes(), rng);
        return new Opened(id, Optional.of(proof.toBase64()));
      }
    }
    throw new SignerNotFoundException("ps16 open: no member of the list made this signature");
  }

  /** {@code e4 = e(σ2, gg) / e(σ1, X)}, which equals {@code e(σ1, ttau)} of the signer. */
  private static GT credentialPairing(Ps16Signature sig, Ps16GroupKey group) {
    return Pairing.multiPairing(
        List.of(sig.sigma2, sig.sigma1.neg()), List.of(group.gg, group.bigX));
  }

  @Override
  public void verifyOpening(GroupSignature signature, GroupKey groupKey, String proofBase64)
      throws GeneralSecurityException {
    Ps16GroupKey group = require(Ps16GroupKey.class, groupKey, "ps16 group key");
    Ps16Signature sig = require(Ps16Signature.class, signature, "ps16 signature");
    PairingHomomorphismProof proof = PairingHomomorphismProof.fromBase64(proofBase64);
    if (!proof.verifies(sig.sigma1, credentialPairing(sig, group), sig.canonicalBytes())) {
      throw new InvalidSignatureException("ps16 opening proof does not hold for this signature");
    }
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Ps16GroupKey.fromBase64(base64);
  }

  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return Ps16ManagerKey.fromBase64(base64);
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Ps16MemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Ps16Signature.fromBase64(base64);
  }
}
