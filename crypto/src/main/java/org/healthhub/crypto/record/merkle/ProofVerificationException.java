package org.healthhub.crypto.record.merkle;

import java.security.GeneralSecurityException;

/** A disclosure that does not lead to the signed root; the message says which check failed. */
public final class ProofVerificationException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public ProofVerificationException(String reason) {
    super(reason);
  }
}
