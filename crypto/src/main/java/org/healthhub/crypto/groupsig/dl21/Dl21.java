package org.healthhub.crypto.groupsig.dl21;

import static org.healthhub.crypto.groupsig.SchemeArguments.require;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SchemeDescriptor;
import org.healthhub.crypto.groupsig.SchemeDescriptor.Capability;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * DL21 (Diaz and Lehmann 2021, user-controlled linkability): BBS+-style credentials, no opening;
 * each signature carries a pseudonym {@code nym = hscp(scope)·y}, so only the member can show
 * (link) that signatures in one scope are theirs. Differs from pygroupsig in link verification,
 * which uses the given scope (see crypto/README.md).
 */
public final class Dl21 extends Dl21Family {
  static final String NAME = "dl21";
  private static final SchemeDescriptor DESCRIPTOR =
      new SchemeDescriptor(NAME, NAME, 3, Set.of(Capability.IDENTIFY, Capability.LINK));

  public Dl21() {
    super(NAME, Set.of(NAME));
  }

  @Override
  public SchemeDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  protected Dl21MemberKey coreOf(MemberKey key) throws MalformedInputException {
    return require(Dl21MemberKey.class, key, "dl21 member key");
  }

  @Override
  protected Dl21Signature coreOf(GroupSignature signature) throws MalformedInputException {
    return require(Dl21Signature.class, signature, "dl21 signature");
  }

  @Override
  protected MemberKey partialKey(Dl21MemberKey core) {
    return core;
  }

  @Override
  protected MemberKey completeKey(Dl21MemberKey core, RandomScalars rng) {
    return core;
  }

  @Override
  protected GroupSignature signature(Dl21Signature core, MemberKey member, long state) {
    return core;
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
