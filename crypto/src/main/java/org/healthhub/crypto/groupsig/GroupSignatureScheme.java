package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * A group signature scheme: members sign on behalf of a group without revealing who they are;
 * what else a scheme offers (opening, tracing, linking, blind conversion) is named by its
 * {@link SchemeDescriptor} and offered by the scheme class itself or by {@link Opening}.
 *
 * <p>Contract, for every method: a malformed input (bad base64 or JSON, a key or signature of
 * another scheme, an element of the wrong length, off the curve or outside the prime-order
 * subgroup) throws {@link MalformedInputException}; a well-formed signature that does not verify
 * throws {@link InvalidSignatureException}. No method reports failure by a return value.
 *
 * <p>Keys, signatures and join messages export to, and import from, pygroupsig's base64 forms
 * byte for byte. Randomness comes from the {@link RandomScalars} given, drawn in pygroupsig's
 * order, so a replay source reproduces pygroupsig's outputs.
 */
public interface GroupSignatureScheme {
  SchemeDescriptor descriptor();

  /** Creates a group: its public key, its manager key, and an empty membership list. */
  GroupSetup setup(RandomScalars rng);

  /**
   * The manager's side of the join protocol. {@code fromMember} is {@code null} for the manager's
   * first message (every scheme's join starts with the manager).
   *
   * @throws JoinRejectedException when the member's message does not prove what it must
   */
  ManagerJoinStep joinManager(
      GroupKey groupKey, ManagerKey managerKey, Gml gml, JoinMessage fromMember, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * The member's side of the join protocol. {@code partialKey} is {@code null} at the first step,
   * then the partial key the previous step returned (it holds secrets: keep it as a member key).
   *
   * @throws JoinRejectedException when the manager's answer does not check out
   */
  MemberJoinStep joinMember(
      GroupKey groupKey, MemberKey partialKey, JoinMessage fromManager, RandomScalars rng)
      throws GeneralSecurityException;

  /** Signs a text message (UTF-8; a lone surrogate is malformed) with the scheme's defaults. */
  GroupSignature sign(String message, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException;

  /**
   * Returns normally if and only if {@code signature} is a valid signature of {@code message}
   * by some member of the group of {@code groupKey}.
   *
   * @throws InvalidSignatureException if it is not
   */
  void verify(String message, GroupSignature signature, GroupKey groupKey)
      throws GeneralSecurityException;

  GroupKey importGroupKey(String base64) throws MalformedInputException;

  ManagerKey importManagerKey(String base64) throws MalformedInputException;

  MemberKey importMemberKey(String base64) throws MalformedInputException;

  GroupSignature importSignature(String base64) throws MalformedInputException;
}
