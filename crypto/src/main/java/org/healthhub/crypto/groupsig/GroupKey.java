package org.healthhub.crypto.groupsig;

/** A group's public key. Immutable. */
public interface GroupKey {
  /** The name of the scheme the key belongs to. */
  String scheme();

  /** pygroupsig's export: {@code base64(JSON({"scheme", "type": "group", "key"}))}. */
  String toBase64();
}
