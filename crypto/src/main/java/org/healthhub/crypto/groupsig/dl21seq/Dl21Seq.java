package org.healthhub.crypto.groupsig.dl21seq;

import static org.healthhub.crypto.groupsig.SchemeArguments.require;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.LinkStatement;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SchemeDescriptor;
import org.healthhub.crypto.groupsig.SchemeDescriptor.Capability;
import org.healthhub.crypto.groupsig.SequentialLinking;
import org.healthhub.crypto.groupsig.dl21.Dl21Family;
import org.healthhub.crypto.groupsig.dl21.Dl21MemberKey;
import org.healthhub.crypto.groupsig.dl21.Dl21Signature;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof2;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * DL21SEQ: DL21 whose signatures also carry sequence values from the member's PRF keys and a
 * counter, so that a sequential link proves the linked signatures were made in order at
 * consecutive states.
 *
 * <p>Where we differ from pygroupsig (crypto/README.md): exports we make are labelled "dl21seq"
 * (pygroupsig labels them "dl21" and ignores labels on import, so it still reads ours; we read
 * both, and a re-export keeps the label read); a signature without sequence values is malformed;
 * link verification uses the given scope; a sequential link refuses signatures whose sequence
 * values are not the member's own, and its verification refuses a missing, malformed or
 * non-chaining sequence.
 */
public final class Dl21Seq extends Dl21Family implements SequentialLinking {
  static final String NAME = "dl21seq";
  static final Set<String> LABELS = Set.of("dl21", NAME);
  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(NAME, NAME, 3, Set.of(Capability.IDENTIFY, Capability.LINK, Capability.SEQLINK));

  public Dl21Seq() {
    super(NAME, LABELS);
  }

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  protected Dl21MemberKey coreOf(MemberKey key) throws MalformedInputException {
    return member(key).core;
  }

  @Override
  protected Dl21Signature coreOf(GroupSignature signature) throws MalformedInputException {
    return signature(signature).core;
  }

  @Override
  protected MemberKey partialKey(Dl21MemberKey core) {
    return new Dl21SeqMemberKey(NAME, core, "", "");
  }

  /** After DL21's join, 2 draws: {@code k, kk = hex(SHA-256(ser(rand())))}. */
  @Override
  protected MemberKey completeKey(Dl21MemberKey core, RandomScalars rng) {
    String k = SeqValues.sha256Hex(rng.nextFr().toBytes());
    String kk = SeqValues.sha256Hex(rng.nextFr().toBytes());
    return new Dl21SeqMemberKey(NAME, core, k, kk);
  }

  @Override
  protected GroupSignature signature(Dl21Signature core, MemberKey memberKey, long state)
      throws MalformedInputException {
    Dl21SeqMemberKey member = member(memberKey);
    if (!member.complete()) {
      throw new MalformedInputException("dl21seq member key has no PRF keys yet (join unfinished)");
    }
    return new Dl21SeqSignature(NAME, core, SeqValues.compute(member.k, member.kk, state));
  }

  @Override
  public GroupSignature sign(
      String message, MemberKey memberKey, GroupKey groupKey, String scope, long state, RandomScalars rng)
      throws GeneralSecurityException {
    return signAt(message, memberKey, groupKey, scope, state, rng);
  }

  @Override
  public String seqlink(LinkStatement statement, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    Dl21SeqMemberKey member = member(memberKey);
    List<Dl21SeqSignature> sigs = signatures(statement.signatures());
    DiscreteLogProof proof = linkProof(statement, memberKey, groupKey, rng);
    List<String> xs = new ArrayList<>(sigs.size());
    for (int i = 0; i < sigs.size(); i++) {
      String x = sigs.get(i).seq.x(member.kk); // x_i = PRF(kk, n_i)
      // pygroupsig reveals x for whatever seq it finds; we refuse sequence values our keys did not make
      if (!sigs.get(i).seq.opens(x)) {
        throw new InvalidSignatureException("dl21seq seqlink: signature " + i + " has sequence values edited");
      }
      xs.add(x);
    }
    return new DiscreteLogProof2(proof, xs).toBase64();
  }

  @Override
  public void verifySeqlink(LinkStatement statement, String proofBase64, GroupKey groupKey)
      throws GeneralSecurityException {
    List<Dl21SeqSignature> sigs = signatures(statement.signatures());
    DiscreteLogProof2 proof = DiscreteLogProof2.fromBase64(proofBase64);
    verifyLinkProof(statement, proof.proof(), groupKey);
    List<String> xs = proof.x();
    if (xs.size() != sigs.size()) {
      throw new InvalidSignatureException(
          "dl21seq seqlink: " + xs.size() + " PRF outputs for " + sigs.size() + " signatures");
    }
    for (int i = 0; i < xs.size(); i++) {
      SeqValues.requireHex64("seqlink proof x", xs.get(i));
      if (!sigs.get(i).seq.opens(xs.get(i))) {
        throw new InvalidSignatureException("dl21seq seqlink: x " + i + " does not match seq[1] of signature " + i);
      }
      if (i > 0 && !sigs.get(i).seq.follows(xs.get(i - 1), xs.get(i))) {
        throw new InvalidSignatureException(
            "dl21seq seqlink: signature " + i + " does not follow signature " + (i - 1) + " (seq[2])");
      }
    }
  }

  private static Dl21SeqMemberKey member(MemberKey key) throws MalformedInputException {
    return require(Dl21SeqMemberKey.class, key, "dl21seq member key");
  }

  private static Dl21SeqSignature signature(GroupSignature signature) throws MalformedInputException {
    return require(Dl21SeqSignature.class, signature, "dl21seq signature");
  }

  private static List<Dl21SeqSignature> signatures(List<GroupSignature> signatures)
      throws MalformedInputException {
    List<Dl21SeqSignature> out = new ArrayList<>(signatures.size());
    for (GroupSignature signature : signatures) {
      out.add(signature(signature));
    }
    return out;
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Dl21SeqMemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Dl21SeqSignature.fromBase64(base64);
  }
}
