package org.healthhub.crypto.groupsig.dl21;

import static org.healthhub.crypto.groupsig.SchemeArguments.requirePhase;

import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.JoinRejectedException;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * The DL21 algorithms on typed keys, shared by {@link Dl21} and dl21seq (which adds its sequence
 * values around them). Draws are pygroupsig's, in its order.
 */
public final class Dl21Protocol {
  private Dl21Protocol() {}

  /** Setup (5 draws): isk; g1, h1, h2; g2; ipk = g2·isk. */
  public static GroupSetup setup(String scheme, String label, RandomScalars rng) {
    Fr isk = rng.nextFr();
    G1 g1 = G1.random(rng);
    G1 h1 = G1.random(rng);
    G1 h2 = G1.random(rng);
    G2 g2 = G2.random(rng);
    Dl21GroupKey group = new Dl21GroupKey(scheme, label, g1, g2, h1, h2, g2.mul(isk));
    return new GroupSetup(group, new Dl21ManagerKey(scheme, label, isk), Gml.empty());
  }

  /** The manager's steps: a nonce, then the credential for a member who proved knowledge of y. */
  public static ManagerJoinStep joinManager(
      Dl21GroupKey group, Dl21ManagerKey manager, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws MalformedInputException, JoinRejectedException {
    String what = group.scheme() + " join manager";
    if (fromMember == null) {
      JoinMessage nonce =
          JoinMessage.builder().put("status", "success").put("n", G1.random(rng)).put("phase", 1).build();
      return new ManagerJoinStep(nonce, gml);
    }
    requirePhase(fromMember, 2, what);
    G1 n = fromMember.g1("n");
    G1 bigH = fromMember.g1("H").requireNonZero(what + " H");
    DiscreteLogProof pi = DiscreteLogProof.fromBase64(fromMember.string("pi"));
    if (!pi.verifies(bigH, group.h1, n.toBytes())) {
      throw new JoinRejectedException(what + ": proof of knowledge of y (H = h1·y) fails");
    }
    Fr x = rng.nextFr();
    Fr s = rng.nextFr();
    G1 a = bigH.add(group.h2.mul(s)).add(group.g1).mul(manager.isk.add(x).inv()); // (H + h2·s + g1)·(isk + x)⁻¹
    JoinMessage credential =
        JoinMessage.builder()
            .put("status", "success")
            .put("x", x)
            .put("s", s)
            .put("A", a)
            .put("phase", 3)
            .build();
    return new ManagerJoinStep(credential, gml);
  }

  /** The member's first step (2 draws): y, H = h1·y and a proof of y bound to the nonce. */
  public static MemberJoinStep joinMemberFirst(
      Dl21GroupKey group, JoinMessage fromManager, RandomScalars rng) throws MalformedInputException {
    requirePhase(fromManager, 1, group.scheme() + " join member");
    G1 n = fromManager.g1("n");
    Fr y = rng.nextFr();
    G1 bigH = group.h1.mul(y);
    DiscreteLogProof pi = DiscreteLogProof.prove(bigH, group.h1, y, n.toBytes(), rng);
    JoinMessage reply =
        JoinMessage.builder()
            .put("status", "success")
            .put("n", n)
            .put("H", bigH)
            .put("pi", pi.toBase64())
            .put("phase", 2)
            .build();
    Dl21MemberKey partial = new Dl21MemberKey(G1.zero(), Fr.zero(), y, Fr.zero(), bigH, G1.zero());
    return new MemberJoinStep(reply, partial, false);
  }

  /** The member's last step: takes the credential if e(A, g2·x + ipk) = e(H + h2·s + g1, g2). */
  public static Dl21MemberKey joinMemberLast(
      Dl21GroupKey group, Dl21MemberKey partial, JoinMessage fromManager)
      throws MalformedInputException, JoinRejectedException {
    String what = group.scheme() + " join member";
    requirePhase(fromManager, 3, what);
    Fr x = fromManager.fr("x");
    Fr s = fromManager.fr("s");
    G1 a = fromManager.g1("A").requireNonZero(what + " A");
    G1 h2s = group.h2.mul(s);
    GT check =
        Pairing.multiPairing(
            List.of(a, h2s.add(partial.bigH).add(group.g1).neg()),
            List.of(group.g2.mul(x).add(group.ipk), group.g2));
    if (!check.isOne()) {
      throw new JoinRejectedException(what + ": the credential A does not verify");
    }
    return new Dl21MemberKey(a, x, partial.y, s, partial.bigH, h2s);
  }

  /** {@code hscp(scope) = HG1(SHA-256(utf8(scope)))}, with its fixed-base table. */
  static LazyFixedBase scopeBase(String scope) throws MalformedInputException {
    return ScopeBases.of(scope);
  }

  /** Sign (8 draws): r1, r2, then the representation proof's six. */
  public static Dl21Signature sign(
      byte[] message, Dl21MemberKey member, Dl21GroupKey group, String scope, RandomScalars rng)
      throws MalformedInputException {
    if (!member.complete()) {
      throw new MalformedInputException(group.scheme() + " member key has no credential yet (join unfinished)");
    }
    Fr r1 = rng.nextFr();
    Fr r2 = rng.nextFr();
    Pseudonym pseudonym = member.pseudonym(scope); // nym = hscp·y
    SigningBases bases = member.signingBases(group.g1);
    G1 aa = member.aTable.mul(r1); // AA = A·r1
    G1 aBar = bases.b().mul(r1); // A_ = AA·(−x) + (g1 + H + h2s)·r1 = B·r1
    G1 d = bases.c().mul(r1).sub(group.h2Table.mul(r2)); // d = C·r1 − h2·r2
    Fr r3 = r1.inv();
    Fr ss = member.s.sub(r2.mul(r3)).neg(); // ss = −(s − r2·r3)
    List<Fr> witnesses = List.of(member.x.neg(), member.y, r2, r3, ss, member.y.neg());
    Dl21Statement statement = new Dl21Statement(group, pseudonym.base(), pseudonym.nym(), aa, aBar, d);
    GeneralRepresentationProof pi =
        GeneralRepresentationProof.prove(
            statement.representation(), witnesses, message, rng,
            rho -> statement.signerCommitments(rho, member.aTable, bases.c(), r1, r2));
    return new Dl21Signature(aa, aBar, d, pi, pseudonym.nym());
  }

  /**
   * Verify: AA is not the identity, e(AA, ipk) = e(A_, g2), and the representation proof holds
   * for {@code message} with the pseudonym base of {@code scope}.
   *
   * @throws InvalidSignatureException naming the check that failed
   */
  public static void verify(byte[] message, Dl21Signature sig, Dl21GroupKey group, String scope)
      throws MalformedInputException, InvalidSignatureException {
    String what = group.scheme() + " signature";
    if (sig.aa.isZero()) {
      throw new InvalidSignatureException(what + ": AA is the identity");
    }
    if (!Pairing.multiPairing(sig.aa, group.ipkLines, sig.aBar.neg(), group.g2Lines).isOne()) {
      throw new InvalidSignatureException(what + ": e(AA, ipk) != e(A_, g2)");
    }
    Dl21Statement statement = new Dl21Statement(group, scopeBase(scope), sig.nym, sig.aa, sig.aBar, sig.d);
    if (!sig.pi.verifies(statement.representation(), message, statement::verifierCommitments)) {
      throw new InvalidSignatureException(what + ": representation proof fails (message, scope or credential)");
    }
  }

  /** Whether {@code member} made {@code sig} in {@code scope}: {@code nym = hscp(scope)·y}. */
  public static boolean identify(Dl21Signature sig, Dl21MemberKey member, String scope)
      throws MalformedInputException {
    return member.pseudonym(scope).nym().equals(sig.nym);
  }

  /**
   * Link (1 draw): every signature must verify in {@code scope} and be the member's; then a proof
   * of y with {@code Σnym = (k·hscp)·y}, bound to the link message.
   */
  public static DiscreteLogProof link(
      byte[] linkMessage,
      List<byte[]> messages,
      List<Dl21Signature> signatures,
      Dl21MemberKey member,
      Dl21GroupKey group,
      String scope,
      RandomScalars rng)
      throws MalformedInputException, InvalidSignatureException, SignerNotFoundException {
    requireSameNonEmptySize(messages, signatures, group.scheme());
    G1 hscp = scopeBase(scope).base();
    for (int i = 0; i < signatures.size(); i++) {
      verify(messages.get(i), signatures.get(i), group, scope);
      if (!identify(signatures.get(i), member, scope)) {
        throw new SignerNotFoundException(group.scheme() + " link: signature " + i + " is not this member's");
      }
    }
    G1 hs = hscp.mul(Fr.of(signatures.size()));
    return DiscreteLogProof.prove(hs.mul(member.y), hs, member.y, linkMessage, rng);
  }

  /**
   * Checks a link proof: every signature verifies in {@code scope} (pygroupsig verifies them in
   * the default scope, so a non-default scope always failed there), then the proof of y with
   * {@code Σnym} over {@code k·hscp}.
   */
  public static void verifyLink(
      byte[] linkMessage,
      List<byte[]> messages,
      List<Dl21Signature> signatures,
      DiscreteLogProof proof,
      Dl21GroupKey group,
      String scope)
      throws MalformedInputException, InvalidSignatureException {
    requireSameNonEmptySize(messages, signatures, group.scheme());
    G1 nyms = G1.zero();
    for (int i = 0; i < signatures.size(); i++) {
      verify(messages.get(i), signatures.get(i), group, scope);
      nyms = nyms.add(signatures.get(i).nym);
    }
    G1 hs = scopeBase(scope).base().mul(Fr.of(signatures.size()));
    if (!proof.verifies(nyms, hs, linkMessage)) {
      throw new InvalidSignatureException(group.scheme() + " link proof does not hold");
    }
  }

  /**
   * pygroupsig pairs the lists with zip (the shorter wins) and proves over 0 for no signature,
   * which any party can forge; ours refuses both.
   */
  private static void requireSameNonEmptySize(List<?> messages, List<?> signatures, String scheme)
      throws MalformedInputException {
    if (signatures.isEmpty()) {
      throw new MalformedInputException(scheme + " link needs at least one signature");
    }
    if (messages.size() != signatures.size()) {
      throw new MalformedInputException(
          scheme + " link: " + messages.size() + " messages for " + signatures.size() + " signatures");
    }
  }
}
