package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;

/** A well-formed signature (or proof) that does not verify. The message says which check failed. */
public final class InvalidSignatureException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String reason) {
    super(reason);
  }
}
