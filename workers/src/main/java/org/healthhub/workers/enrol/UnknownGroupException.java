package org.healthhub.workers.enrol;

import java.security.GeneralSecurityException;

/** A hospital group that was never created: no join can run against it. */
public final class UnknownGroupException extends GeneralSecurityException {

  public UnknownGroupException(String groupId) {
    super("no hospital group '" + groupId + "'");
  }
}
