package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;

/** Two partial openings of the same manager: a manager cannot stand in for the other one. */
public final class DuplicateManagerException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public DuplicateManagerException(String reason) {
    super(reason);
  }
}
