package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;

/** Opening found no member of the membership list behind the signature. */
public final class SignerNotFoundException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public SignerNotFoundException(String reason) {
    super(reason);
  }
}
