package org.healthhub.crypto.groupsig;

/**
 * A member's secret signing key (complete, or partial while the join runs). Immutable; its
 * {@code toString()} never shows a secret.
 */
public interface MemberKey {
  String scheme();

  /** pygroupsig's export. The text holds the secret: store it only encrypted. */
  String toBase64();
}
