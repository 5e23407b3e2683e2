package org.healthhub.workers.enrol;

import java.security.GeneralSecurityException;

/** The other party's join message does not verify: a business outcome, not a fault to retry. */
public final class JoinRejectedException extends GeneralSecurityException {

  public JoinRejectedException(String message) {
    super(message);
  }
}
