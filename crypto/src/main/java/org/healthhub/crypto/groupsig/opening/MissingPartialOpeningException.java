package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;

/** A partial opening of one of the two managers is missing: one share alone never opens. */
public final class MissingPartialOpeningException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public MissingPartialOpeningException(String reason) {
    super(reason);
  }
}
