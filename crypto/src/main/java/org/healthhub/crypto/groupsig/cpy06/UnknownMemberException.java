package org.healthhub.crypto.groupsig.cpy06;

import java.security.GeneralSecurityException;

/** A member id that is not in the membership list (cpy06 reveal). */
public final class UnknownMemberException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public UnknownMemberException(String reason) {
    super(reason);
  }
}
