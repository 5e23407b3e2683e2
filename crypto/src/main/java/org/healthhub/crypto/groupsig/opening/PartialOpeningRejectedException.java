package org.healthhub.crypto.groupsig.opening;

import java.security.GeneralSecurityException;

/**
 * A partial opening whose proof does not hold against its manager's published commitments, or that
 * was made for another signature, scheme or role.
 */
public final class PartialOpeningRejectedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public PartialOpeningRejectedException(String reason) {
    super(reason);
  }
}
