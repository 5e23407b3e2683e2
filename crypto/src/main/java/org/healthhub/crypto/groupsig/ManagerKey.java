package org.healthhub.crypto.groupsig;

/**
 * A group manager's secret key. Immutable; its {@code toString()} never shows a secret.
 */
public interface ManagerKey {
  String scheme();

  /** pygroupsig's export. The text holds the secret: store it only encrypted. */
  String toBase64();
}
