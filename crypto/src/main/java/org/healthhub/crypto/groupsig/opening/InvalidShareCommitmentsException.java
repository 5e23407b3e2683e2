package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;

/** Published share commitments that do not add up to the group key's opening bases. */
public final class InvalidShareCommitmentsException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public InvalidShareCommitmentsException(String reason) {
    super(reason);
  }
}
