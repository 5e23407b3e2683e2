package org.healthhub.crypto.record.keystore;

import java.security.GeneralSecurityException;

/** The keystore names another party than the one it was opened for: it was moved or swapped. */
public final class WrongKeystorePartyException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public WrongKeystorePartyException(String reason) {
    super(reason);
  }
}
