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
import org.healthhub.crypto.groupsig.LinkStatement;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * What dl21 and dl21seq share: the DL21 algorithms ({@link Dl21Protocol}) behind the scheme and
 * {@link Linking} interfaces. A member of the family says how its member keys and signatures wrap
 * DL21's and what it adds at the join's end and at signing.
 */
public abstract class Dl21Family implements GroupSignatureScheme, Linking {
  private final String name;
  private final Set<String> labels;

  /**
   * @param name the scheme's name, also the label of what it exports
   * @param labels the labels its imports accept
   */
  protected Dl21Family(String name, Set<String> labels) {
    this.name = name;
    this.labels = Set.copyOf(labels);
  }

  /** The DL21 member key inside a key of this scheme. */
  protected abstract Dl21MemberKey coreOf(MemberKey key) throws MalformedInputException;

  /** The DL21 signature inside a signature of this scheme. */
  protected abstract Dl21Signature coreOf(GroupSignature signature) throws MalformedInputException;

  /** The scheme's partial key around DL21's after the member's first join step. */
  protected abstract MemberKey partialKey(Dl21MemberKey core);

  /** The scheme's complete key around DL21's; draws what the scheme adds after DL21's join. */
  protected abstract MemberKey completeKey(Dl21MemberKey core, RandomScalars rng);

  /** The scheme's signature around DL21's, made by {@code member} at {@code state}. */
  protected abstract GroupSignature signature(Dl21Signature core, MemberKey member, long state)
      throws MalformedInputException;

  @Override
  public GroupSetup setup(RandomScalars rng) {
    return Dl21Protocol.setup(name, name, rng);
  }

  @Override
  public ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException {
    Dl21ManagerKey manager = require(Dl21ManagerKey.class, managerKey, name + " manager key");
    requireScheme(manager.scheme(), "manager key");
    return Dl21Protocol.joinManager(group(groupKey), manager, gml, fromMember, rng);
  }

  @Override
  public MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException {
    if (partialKey == null) {
      MemberJoinStep first = Dl21Protocol.joinMemberFirst(group(groupKey), fromManager, rng);
      return new MemberJoinStep(first.reply(), partialKey((Dl21MemberKey) first.partialKey()), false);
    }
    Dl21MemberKey core = Dl21Protocol.joinMemberLast(group(groupKey), coreOf(partialKey), fromManager);
    JoinMessage reply = JoinMessage.builder().put("status", "success").build();
    return new MemberJoinStep(reply, completeKey(core, rng), true);
  }

  @Override
  public GroupSignature sign(String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return signAt(message, memberKey, groupKey, DEFAULT_SCOPE, 0, rng);
  }

  @Override
  public GroupSignature sign(
      String message, MemberKey memberKey, GroupKey groupKey, String scope, RandomScalars rng)
      throws GeneralSecurityException {
    return signAt(message, memberKey, groupKey, scope, 0, rng);
  }

  /** Signs in {@code scope} at {@code state} (dl21 has no state and ignores it). */
  protected GroupSignature signAt(
      String message, MemberKey memberKey, GroupKey groupKey, String scope, long state, RandomScalars rng)
      throws GeneralSecurityException {
    Dl21Signature core =
        Dl21Protocol.sign(Transcript.utf8(message), coreOf(memberKey), group(groupKey), scope, rng);
    return signature(core, memberKey, state);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException {
    verify(message, signature, groupKey, DEFAULT_SCOPE);
  }

  @Override
  public void verify(String message, GroupSignature signature, GroupKey groupKey, String scope)
      throws GeneralSecurityException {
    Dl21Protocol.verify(Transcript.utf8(message), coreOf(signature), group(groupKey), scope);
  }

  @Override
  public boolean identify(GroupSignature signature, MemberKey memberKey, String scope)
      throws GeneralSecurityException {
    return Dl21Protocol.identify(coreOf(signature), coreOf(memberKey), scope);
  }

  @Override
  public String link(LinkStatement statement, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return linkProof(statement, memberKey, groupKey, rng).toBase64();
  }

  /** DL21's link proof (1 draw). */
  protected DiscreteLogProof linkProof(
      LinkStatement statement, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return Dl21Protocol.link(
        Transcript.utf8(statement.linkMessage()), utf8All(statement.messages()),
        cores(statement.signatures()), coreOf(memberKey), group(groupKey), statement.scope(), rng);
  }

  @Override
  public void verifyLink(LinkStatement statement, String proofBase64, GroupKey groupKey)
      throws GeneralSecurityException {
    verifyLinkProof(statement, DiscreteLogProof.fromBase64(proofBase64), groupKey);
  }

  protected void verifyLinkProof(LinkStatement statement, DiscreteLogProof proof, GroupKey groupKey)
      throws GeneralSecurityException {
    Dl21Protocol.verifyLink(
        Transcript.utf8(statement.linkMessage()), utf8All(statement.messages()),
        cores(statement.signatures()), proof, group(groupKey), statement.scope());
  }

  private static List<byte[]> utf8All(List<String> texts) throws MalformedInputException {
    List<byte[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(Transcript.utf8(text));
    }
    return out;
  }

  private List<Dl21Signature> cores(List<GroupSignature> signatures) throws MalformedInputException {
    List<Dl21Signature> out = new ArrayList<>(signatures.size());
    for (GroupSignature signature : signatures) {
      out.add(coreOf(signature));
    }
    return out;
  }

  private Dl21GroupKey group(GroupKey key) throws MalformedInputException {
    Dl21GroupKey group = require(Dl21GroupKey.class, key, name + " group key");
    requireScheme(group.scheme(), "group key");
    return group;
  }

  /** dl21 and dl21seq share key classes; a key read by one is not handed to the other. */
  private void requireScheme(String scheme, String what) throws MalformedInputException {
    if (!scheme.equals(name)) {
      throw new MalformedInputException(name + " " + what + " expected, got one of " + scheme);
    }
  }

  @Override
  public GroupKey importGroupKey(String base64) throws MalformedInputException {
    return Dl21GroupKey.read(base64, name, labels);
  }

  @Override
  public ManagerKey importManagerKey(String base64) throws MalformedInputException {
    return Dl21ManagerKey.read(base64, name, labels);
  }
}
