package org.healthhub.crypto.record.keystore;

import java.security.GeneralSecurityException;

/** The keystore did not open: the passphrase is wrong, or the file was altered after writing. */
public final class WrongPassphraseException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public WrongPassphraseException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
