package org.healthhub.crypto.groupsig.opening;

/**
 * A group's manager secrets under dual control, to be handed out at once and never kept together:
 * the Group Manager takes {@code issuingKey} and {@code groupManagerShare}, the Revocation Manager
 * takes {@code revocationManagerShare}; {@code commitments} are published.
 */
public record DualControlKeys(
    IssuingKey issuingKey,
    OpeningShare groupManagerShare,
    OpeningShare revocationManagerShare,
    ShareCommitments commitments) {
  @Override
  public String toString() {
    return "DualControlKeys[" + commitments.scheme() + "]";
  }
}
