package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;

/** A manager's opening share does not match the commitment published for that manager. */
public final class WrongShareException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public WrongShareException(String reason) {
    super(reason);
  }
}
