package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;

/** A join message whose content does not check out (a proof fails, a credential is wrong). */
public final class JoinRejectedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public JoinRejectedException(String reason) {
    super(reason);
  }
}
