package org.healthhub.crypto.groupsig;

/** A group signature. Immutable. */
public interface GroupSignature {
  String scheme();

  /** pygroupsig's export: {@code base64(JSON({"scheme", "signature"}))}. */
  String toBase64();
}
