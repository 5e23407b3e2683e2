package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;

/** An opening result that does not check out: the recovered element is not the named member's. */
public final class InvalidOpeningException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public InvalidOpeningException(String reason) {
    super(reason);
  }
}
