package org.healthhub.crypto.groupsig.cpy06;

import java.security.GeneralSecurityException;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.JoinRejectedException;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.SchemeArguments;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.groupsig.spk.Point;
import org.healthhub.crypto.groupsig.spk.Representation;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * The steps of CPY06's join after the manager's offer (u, v), behind {@link Cpy06}: the member
 * commits to x = u·y' + v with a representation proof, the manager issues (t, A), the member checks
 * the credential. The member's x never leaves it.
 */
final class Cpy06Join {
  // Join proof: π = g1·x and π = g1·v + I·u + q·rr, witnesses [x, v, u, rr], bases [g1, I, q].
  private static final List<Representation.Pair> JOIN_PAIRS =
      Representation.pairs(new int[][] {{0, 0}, {1, 0}, {2, 1}, {3, 2}});
  private static final List<Integer> JOIN_GROUP_SIZES = List.of(1, 3);

  private Cpy06Join() {}

  static ManagerJoinStep issueCredential(
      Cpy06GroupKey group, Fr gamma, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    SchemeArguments.requirePhase(fromMember, 2, "cpy06 join");
    G1 i = fromMember.g1("I");
    G1 pi = fromMember.g1("pi").requireNonZero("cpy06 join pi");
    GeneralRepresentationProof proof =
        GeneralRepresentationProof.fromBase64(fromMember.string("spk"));
    if (!proof.verifies(joinStatement(pi, i, group.q), pi.toBytes())) {
      throw new JoinRejectedException("cpy06 join: the member's proof for pi does not hold");
    }
    Fr t = rng.nextFr();
    G1 a = pi.add(group.q).mul(gamma.add(t).inv()); // A = (π + q)·(gamma + t)⁻¹
    JoinMessage credential =
        JoinMessage.builder()
            .put("status", "success")
            .put("t", t)
            .put("A", a)
            .put("phase", 3)
            .build();
    return new ManagerJoinStep(credential, gml.with(Cpy06.memberIdOf(a, pi), List.of(a, pi)));
  }

  static MemberJoinStep commit(Cpy06GroupKey group, Fr u, Fr v, RandomScalars rng)
      throws MalformedInputException {
    G1 g1 = G1.generator();
    Fr yPrime = rng.nextFr();
    Fr rPrime = rng.nextFr();
    G1 i = g1.mul(yPrime).add(group.q.mul(rPrime)); // I = g1·y' + q·r'
    Fr x = u.mul(yPrime).add(v); // x = u·y' + v
    G1 pi = g1.mul(x); // π = g1·x
    Fr rr = u.mul(rPrime).neg(); // rr = −(u·r')
    GeneralRepresentationProof proof =
        GeneralRepresentationProof.prove(
            joinStatement(pi, i, group.q), List.of(x, v, u, rr), pi.toBytes(), rng);
    JoinMessage reply =
        JoinMessage.builder()
            .put("status", "success")
            .put("I", i)
            .put("pi", pi)
            .put("spk", proof.toBase64())
            .put("phase", 2)
            .build();
    return new MemberJoinStep(reply, new Cpy06MemberKey(x, Fr.zero(), G1.zero()), false);
  }

  static MemberJoinStep acceptCredential(
      Cpy06GroupKey group, Cpy06MemberKey partial, JoinMessage fromManager)
      throws GeneralSecurityException {
    Fr t = fromManager.fr("t");
    G1 a = fromManager.g1("A").requireNonZero("cpy06 join A");
    G1 g1 = G1.generator();
    G2 g2 = G2.generator();
    // e(A, g2·t + r) = e(g1·x + q, g2)
    if (!Pairing.pairing(a, g2.mul(t).add(group.r))
        .equals(Pairing.pairing(g1.mul(partial.x).add(group.q), g2))) {
      throw new JoinRejectedException("cpy06 join: (t, A) is not a credential for this member");
    }
    JoinMessage reply = JoinMessage.builder().put("status", "success").build();
    return new MemberJoinStep(reply, new Cpy06MemberKey(partial.x, t, a), true);
  }

  private static Representation joinStatement(G1 pi, G1 i, G1 q) {
    G1 g1 = G1.generator();
    return new Representation(
        List.of(Point.of(pi), Point.of(pi)),
        List.of(Point.of(g1), Point.of(i), Point.of(q)),
        JOIN_PAIRS,
        JOIN_GROUP_SIZES);
  }
}
