package org.healthhub.crypto.groupsig.dl21;

import static org.healthhub.crypto.groupsig.SchemeArguments.require;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SchemeDescriptor;
import org.healthhub.crypto.groupsig.SchemeDescriptor.Capability;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * DL21 (Diaz and Lehmann 2021, user-controlled linkability): BBS+-style credentials, no opening;
 * each signature carries a pseudonym {@code nym = hscp(scope)·y}, so only the member can show
 * (link) that signatures in one scope are theirs. Differs from pygroupsig in link verification,
 * which uses the given scope (see crypto/README.md).
 */
public final class Dl21 implements GroupSignatureScheme, Linking {
  static final String NAME = "dl21";
  private static final Set<String> LABELS = Set.of(NAME);
  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(NAME, NAME, 3, Set.of(Capability.IDENTIFY, Capability.LINK));

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public GroupSetup setup(RandomScalars rng) {
    return Dl21Protocol.setup(NAME, NAME, rng);
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    return Dl21Protocol.joinManager(
        group(groupKey), require(Dl21ManagerKey.class, managerKey, "dl21 manager key"), gml, fromMember, rng);
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    if (partialKey == null) {
      return Dl21Protocol.joinMemberFirst(group(groupKey), fromManager, rng);
    }
    Dl21MemberKey key = Dl21Protocol.joinMemberLast(group(groupKey), member(partialKey), fromManager);
    return new MemberJoinStep(JoinMessage.builder().put("status", "success").build(), key, true);
  }

  @Override
  public GroupSignature sign(String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return sign(message, memberKey, groupKey, DEFAULT_SCOPE, rng);
  }

  @Override
  public GroupSignature sign(
      String message, MemberKey memberKey, GroupKey groupKey, String scope, RandomScalars rng)
      throws GeneralSecurityException {
    return Dl21Protocol.sign(Transcript.utf8(message), member(memberKey), group(groupKey), scope, rng);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    verify(message, signature, groupKey, DEFAULT_SCOPE);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey, String scope)
      throws GeneralSecurityException {
    Dl21Protocol.verify(Transcript.utf8(message), signature(signature), group(groupKey), scope);
  }

  @Override
  public boolean identify(GroupSignature signature, MemberKey memberKey, String scope)
      throws GeneralSecurityException {
    return Dl21Protocol.identify(signature(signature), member(memberKey), scope);
  }

  @Override
  public String link(
      String linkMessage,
      List<String> messages,
      List<GroupSignature> signatures,
      MemberKey memberKey,
      GroupKey groupKey,
      String scope,
      RandomScalars rng)
      throws GeneralSecurityException {
    return Dl21Protocol.link(
            Transcript.utf8(linkMessage), utf8All(messages), signatures(signatures),
            member(memberKey), group(groupKey), scope, rng)
        .toBase64();
  }

  @Override
  public void verifyLink(
      String linkMessage,
      List<String> messages,
      List<GroupSignature> signatures,
      String proofBase64,
      GroupKey groupKey,
      String scope)
      throws GeneralSecurityException {
    Dl21Protocol.verifyLink(
        Transcript.utf8(linkMessage), utf8All(messages), signatures(signatures),
        DiscreteLogProof.fromBase64(proofBase64), group(groupKey), scope);
  }

  /** Strict UTF-8 of each text. */
  public static List<byte[]> utf8All(List<String> texts) throws MalformedInputException {
    List<byte[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(Transcript.utf8(text));
    }
    return out;
  }

  private static Dl21GroupKey group(GroupKey key) throws MalformedInputException {
    return require(Dl21GroupKey.class, key, "dl21 group key");
  }

  private static Dl21MemberKey member(MemberKey key) throws MalformedInputException {
    return require(Dl21MemberKey.class, key, "dl21 member key");
  }

  private static Dl21Signature signature(GroupSignature signature) throws MalformedInputException {
    return require(Dl21Signature.class, signature, "dl21 signature");
  }

  private static List<Dl21Signature> signatures(List<GroupSignature> signatures)
      throws MalformedInputException {
    List<Dl21Signature> out = new ArrayList<>(signatures.size());
    for (GroupSignature signature : signatures) {
      out.add(signature(signature));
    }
    return out;
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Dl21GroupKey.read(base64, NAME, LABELS);
  }

  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return Dl21ManagerKey.read(base64, NAME, LABELS);
  }

  @Override
  public MemberKey importMemberKey(String base64) throws MalformedInputException {
    return Dl21MemberKey.fromBase64(base64);
  }

  @Override
  public GroupSignature importSignature(String base64) throws MalformedInputException {
    return Dl21Signature.fromBase64(base64);
  }
}
