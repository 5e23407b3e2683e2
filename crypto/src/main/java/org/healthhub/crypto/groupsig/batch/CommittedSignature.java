package org.healthhub.crypto.groupsig.batch;

import org.healthhub.crypto.groupsig.GroupSignature;

/**
 * A group signature in batch-verifiable form: pygroupsig's signature unchanged plus the
 * commitments its signer hashed into the challenge. Immutable.
 */
public interface CommittedSignature {
  /** The plain signature, verifiable by pygroupsig byte for byte. */
  GroupSignature signature();

  /** {@code base64(JSON({"scheme", "signature": <pygroupsig export>, <commitments>}))}. */
  String toBase64();
}
