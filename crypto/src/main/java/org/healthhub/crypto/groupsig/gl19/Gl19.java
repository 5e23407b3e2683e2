package org.healthhub.crypto.groupsig.gl19;

import static org.healthhub.crypto.groupsig.SchemeArguments.require;
import static org.healthhub.crypto.groupsig.SchemeArguments.requirePhase;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.healthhub.crypto.groupsig.SchemeDescriptor;
import org.healthhub.crypto.groupsig.SchemeDescriptor.Capability;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.batch.BatchFold;
import org.healthhub.crypto.groupsig.batch.FoldablePlainSignatures;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.SmallExponents;

/**
 * GL19 (Garms-Lehmann): group signatures whose pseudonym {@code h·y} is encrypted to a converter;
 * a signature can be blinded to a receiver's key ({@link #blind}), converted by the manager so
 * that the receiver can tell which of a batch come from the same member without learning who
 * ({@link #convert}), and unblinded by the receiver ({@link #unblind}). Credentials expire
 * {@link #LIFETIME_SECONDS} after the join; the clock is injected.
 *
 * <p>Stricter than pygroupsig: verify also checks the issuer equation {@code e(AA, ipk) =
 * e(A_, g2)} (pygroupsig's proof alone can be made without any credential), rejects {@code AA = 0}
 * and expired credentials; blind verifies the signature it blinds; convert shuffles uniformly and
 * never fails. See crypto/README.md, "Where we differ from pygroupsig".
 */
public final class Gl19 implements GroupSignatureScheme, FoldablePlainSignatures {
  static final String NAME = "gl19";

  /** A credential is valid for 14 days after the join, as in pygroupsig. */
  public static final long LIFETIME_SECONDS = 1_209_600;

  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(
          NAME, NAME, 3, Set.of(Capability.BLIND, Capability.CONVERT, Capability.UNBLIND));
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

  private final Clock clock;
  private final Random shuffler;

  /** With the system clock and a {@link SecureRandom} for convert's shuffle. */
  public Gl19() {
    this(Clock.systemUTC());
  }

  /** With {@code clock} for credential lifetimes and a {@link SecureRandom} for the shuffle. */
  public Gl19(Clock clock) {
    this(clock, new SecureRandom());
  }

  /**
   * @param clock the time joins stamp credentials with and verify compares expirations to
   * @param shuffler the randomness of convert's shuffle (a {@link SecureRandom} outside tests)
   */
  public Gl19(Clock clock, Random shuffler) {
    this.clock = clock;
    this.shuffler = shuffler;
  }

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public GroupSetup setup(RandomScalars rng) {
    Fr isk = rng.nextFr();
    G1 g1 = G1.random(rng);
    G1 g = G1.random(rng);
    G1 h = G1.random(rng);
    G1 h1 = G1.random(rng);
    G1 h2 = G1.random(rng);
    G1 h3 = G1.random(rng);
    G2 g2 = G2.random(rng);
    G2 ipk = g2.mul(isk); // ipk = g2·isk
    Fr csk = rng.nextFr();
    Fr esk = rng.nextFr();
    Gl19GroupKey group =
        new Gl19GroupKey(g1, g2, g, h, h1, h2, h3, ipk, g.mul(csk), g.mul(esk)); // cpk, epk = g·sk
    return new GroupSetup(group, new Gl19ManagerKey(isk, csk, esk), Gml.empty());
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    Gl19GroupKey group = require(Gl19GroupKey.class, groupKey, "gl19 group key");
    Gl19ManagerKey manager = require(Gl19ManagerKey.class, managerKey, "gl19 manager key");
    if (fromMember == null) {
      JoinMessage nonce =
          JoinMessage.builder().put("status", "success").put("n", G1.random(rng)).put("phase", 1).build();
      return new ManagerJoinStep(nonce, gml);
    }
    requirePhase(fromMember, 2, "gl19 join manager");
    G1 n = fromMember.g1("n");
    G1 bigH = fromMember.g1("H").requireNonZero("gl19 join H");
    DiscreteLogProof pi = DiscreteLogProof.fromBase64(fromMember.string("pi"));
    if (!pi.verifies(bigH, group.h1, n.toBytes())) {
      throw new JoinRejectedException("gl19 join: proof of knowledge of y in H = h1·y fails");
    }
    Fr x = rng.nextFr();
    Fr s = rng.nextFr();
    String expiration = Long.toString(clock.instant().getEpochSecond() + LIFETIME_SECONDS);
    Fr d = Transcript.challengeOf(Transcript.utf8(expiration)); // d = Chal(L)
    // A = (H + h2·s + h3·d + g1)·(isk + x)⁻¹
    G1 bigA = bigH.add(group.h2.mul(s)).add(group.h3.mul(d)).add(group.g1).mul(manager.isk.add(x).inv());
    JoinMessage credential =
        JoinMessage.builder()
            .put("status", "success")
            .put("A", bigA)
            .put("x", x)
            .put("s", s)
            .put("l", expiration)
            .put("phase", 3)
            .build();
    return new ManagerJoinStep(credential, gml);
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    Gl19GroupKey group = require(Gl19GroupKey.class, groupKey, "gl19 group key");
    if (partialKey == null) {
      requirePhase(fromManager, 1, "gl19 join member");
      G1 n = fromManager.g1("n");
      Fr y = rng.nextFr();
      G1 bigH = group.h1.mul(y); // H = h1·y
      DiscreteLogProof pi = DiscreteLogProof.prove(bigH, group.h1, y, n.toBytes(), rng);
      JoinMessage reply =
          JoinMessage.builder()
              .put("status", "success")
              .put("n", n)
              .put("H", bigH)
              .put("pi", pi.toBase64())
              .put("phase", 2)
              .build();
      return new MemberJoinStep(reply, Gl19MemberKey.partial(y, bigH), false);
    }
    Gl19MemberKey partial = require(Gl19MemberKey.class, partialKey, "gl19 member key");
    requirePhase(fromManager, 3, "gl19 join member");
    G1 bigA = fromManager.g1("A").requireNonZero("gl19 join credential A");
    Fr x = fromManager.fr("x");
    Fr s = fromManager.fr("s");
    long l = expiration(fromManager.string("l"));
    Fr d = CredentialBases.lifetimeScalar(l);
    G1 h2s = group.h2.mul(s);
    G1 h3d = group.h3.mul(d);
    // e(A, g2·x + ipk) = e(H + h2s + h3d + g1, g2), i.e. A = (H + h2s + h3d + g1)·(isk + x)⁻¹
    G1 committed = partial.bigH.add(h2s).add(h3d).add(group.g1);
    if (!Pairing.multiPairing(
            List.of(bigA, committed.neg()), List.of(group.g2.mul(x).add(group.ipk), group.g2))
        .isOne()) {
      throw new JoinRejectedException("gl19 join: the manager's credential A does not verify");
    }
    Gl19MemberKey key = new Gl19MemberKey(bigA, x, partial.y, s, l, d, partial.bigH, h2s, h3d);
    return new MemberJoinStep(JoinMessage.builder().put("status", "success").build(), key, true);
  }

  /** {@code l} travels as a decimal string; only the canonical form hashes to the same d. */
  private static long expiration(String text) throws MalformedInputException {
    if (!DECIMAL.matcher(text).matches() || !Long.toString(Long.parseLong(text)).equals(text)) {
      throw new MalformedInputException("gl19 join: l must be a canonical decimal integer");
    }
    return Long.parseLong(text);
  }

  @Override
  public GroupSignature sign(String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    Gl19MemberKey key = require(Gl19MemberKey.class, memberKey, "gl19 member key");
    Gl19GroupKey group = require(Gl19GroupKey.class, groupKey, "gl19 group key");
    if (!key.complete()) {
      throw new MalformedInputException("gl19 member key is partial: its join has not completed");
    }
    byte[] bn = boundMessage(key.l, message);
    Fr alpha = rng.nextFr();
    Fr r1 = rng.nextFr();
    Fr r2 = rng.nextFr();
    Gl19SigningBases bases = key.signingBases(group.g1, group.h);
    // products of key points come from their fixed-base tables
    G1 nym1 = group.gTable.mul(alpha); // nym1 = g·α
    G1 nym2 = group.cpkTable.mul(alpha).add(bases.pseudonym()); // nym2 = cpk·α + h·y
    Fr alpha2 = rng.nextFr();
    G1 ehy1 = group.gTable.mul(alpha2); // ehy1 = g·α2
    G1 ehy2 = group.epkTable.mul(alpha2).add(bases.pseudonym()); // ehy2 = epk·α2 + h·y
    G1 bigAA = key.bigATable.mul(r1); // AA = A·r1
    G1 bigAbar = bases.b().mul(r1); // A_ = AA·(−x) + C·r1 = B·r1 = AA·isk
    G1 d = bases.c().mul(r1).sub(group.h2Table.mul(r2)); // d = C·r1 − h2·r2
    Fr r3 = r1.inv();
    Fr ss = key.s.sub(r2.mul(r3)).neg(); // ss = −(s − r2·r3)
    Gl19Statement statement =
        new Gl19Statement(group, bigAA, bigAbar, d, nym1, nym2, ehy1, ehy2, bases.g1h3d());
    List<Fr> witnesses = List.of(key.x.neg(), key.y, r2, r3, ss, alpha, key.y.neg(), alpha2);
    GeneralRepresentationProof pi =
        GeneralRepresentationProof.prove(
            statement.representation(), witnesses, bn, rng,
            rho -> statement.signerCommitments(rho, key.bigATable, bases.c(), r1, r2));
    return new Gl19Signature(bigAA, bigAbar, d, pi, nym1, nym2, ehy1, ehy2, key.l);
  }

  /** The proof's message: {@code utf8(decimal(expiration) + "|" + M)}. */
  static byte[] boundMessage(long expiration, String message) throws MalformedInputException {
    return Transcript.utf8(expiration + "|" + message);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    Gl19Signature sig = require(Gl19Signature.class, signature, "gl19 signature");
    Gl19GroupKey group = require(Gl19GroupKey.class, groupKey, "gl19 group key");
    verifyProofAndExpiration(message, sig, group);
    // e(AA, ipk) = e(A_, g2): A_ = AA·isk, so AA is a credential the issuer made
    if (!Pairing.multiPairing(sig.bigAA, group.ipkLines, sig.bigAbar.neg(), group.g2Lines).isOne()) {
      throw new InvalidSignatureException(
          "gl19 issuer equation e(AA, ipk) = e(A_, g2) fails: no credential of this group");
    }
  }

  /** The checks of {@link #verify} but the issuer equation, which joins the batch's fold. */
  @Override
  public void addToFold(BatchFold fold, String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    Gl19Signature sig = require(Gl19Signature.class, signature, "gl19 signature");
    Gl19GroupKey group = require(Gl19GroupKey.class, groupKey, "gl19 group key");
    verifyProofAndExpiration(message, sig, group);
    Fr rho = SmallExponents.draw(1).get(0);
    fold.addPairing(sig.bigAA, rho, group.ipk);
    fold.addPairing(sig.bigAbar, rho.neg(), group.g2);
  }

  private void verifyProofAndExpiration(String message, Gl19Signature sig, Gl19GroupKey group)
      throws GeneralSecurityException {
    Instant now = clock.instant();
    if (sig.expiration < now.getEpochSecond()
        || (sig.expiration == now.getEpochSecond() && now.getNano() > 0)) {
      throw new InvalidSignatureException(
          "gl19 credential expired: expiration " + sig.expiration + " is before now (" + now + ")");
    }
    if (!proofVerifies(message, sig, group)) {
      throw new InvalidSignatureException("gl19 proof of knowledge (SPK) does not verify");
    }
  }

  /** pygroupsig's whole verify: the SPK, with {@code g1 + h3·Chal(decimal(expiration))}. */
  static boolean proofVerifies(String message, Gl19Signature sig, Gl19GroupKey group)
      throws MalformedInputException {
    G1 g1h3d = group.credentialBases.of(sig.expiration);
    Gl19Statement statement =
        new Gl19Statement(
            group, sig.bigAA, sig.bigAbar, sig.d, sig.nym1, sig.nym2, sig.ehy1, sig.ehy2, g1h3d);
    return sig.pi.verifies(
        statement.representation(), boundMessage(sig.expiration, message), statement::verifierCommitments);
  }

  /**
   * Blinds a signature to a new blind key (one more draw), returned with the result: the receiver
   * keeps the key and hands its {@link Gl19BlindKey#publicBase64()} to the manager.
   *
   * @throws InvalidSignatureException if {@code signature} does not verify for {@code message}
   */
  public Gl19Blinded blind(
      String message, GroupSignature signature, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    verify(message, signature, groupKey);
    return Gl19Conversion.blind(
        message, (Gl19Signature) signature, (Gl19GroupKey) groupKey, null, rng);
  }

  /**
   * Blinds a signature to the receiver's {@code blindKey}, so that the manager can convert it
   * without seeing the message or the pseudonym (formulas in {@link Gl19Conversion}). Unlike
   * pygroupsig, the signature is verified first.
   *
   * @throws InvalidSignatureException if {@code signature} does not verify for {@code message}
   */
  public Gl19Blinded blind(
      String message,
      GroupSignature signature,
      GroupKey groupKey,
      Gl19BlindKey blindKey,
      RandomScalars rng)
      throws GeneralSecurityException {
    verify(message, signature, groupKey);
    return Gl19Conversion.blind(
        message,
        (Gl19Signature) signature,
        (Gl19GroupKey) groupKey,
        require(Gl19BlindKey.class, blindKey, "gl19 blind key"),
        rng);
  }

  /**
   * The manager converts a batch of signatures blinded to one key: each pseudonym {@code h·y}
   * becomes {@code (h·y)·r} under the receiver's key, with one fresh {@code r} per call, so equal
   * pseudonyms within a batch stay equal and nothing links batches. The result is shuffled
   * uniformly (Fisher-Yates), so its order does not reveal the input order.
   *
   * @param blindKeyPublic the receiver's {@link Gl19BlindKey#publicBase64()}
   * @throws MalformedInputException if the keys are not gl19 keys or the public key is malformed
   */
  public List<Gl19BlindSignature> convert(
      List<Gl19BlindSignature> blinded,
      String blindKeyPublic,
      GroupKey groupKey,
      ManagerKey managerKey,
      RandomScalars rng)
      throws MalformedInputException {
    List<Gl19BlindSignature> converted =
        Gl19Conversion.convertInOrder(
            blinded,
            Gl19BlindKey.publicFromBase64(blindKeyPublic),
            require(Gl19GroupKey.class, groupKey, "gl19 group key"),
            require(Gl19ManagerKey.class, managerKey, "gl19 manager key"),
            rng);
    Collections.shuffle(converted, shuffler);
    return converted;
  }

  /**
   * The receiver's pseudonym of a converted signature, {@code (h·y)·r}: equal within one
   * conversion batch exactly when the signer is the same member.
   *
   * @return pygroupsig's {@code nym}: the base64 of the G1 element
   */
  public static String unblind(Gl19BlindSignature converted, Gl19BlindKey key) {
    return Gl19Conversion.unblind(converted, key).toBase64();
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Gl19GroupKey.fromBase64(base64);
  }

  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return Gl19ManagerKey.fromBase64(base64);
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Gl19MemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Gl19Signature.fromBase64(base64);
  }
}
