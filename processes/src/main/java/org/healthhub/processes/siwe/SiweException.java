package org.healthhub.processes.siwe;

import java.security.GeneralSecurityException;

/** A Sign-In with Ethereum attempt refused, with the reason (malformed, stale, replayed, wrong signer...). */
public final class SiweException extends GeneralSecurityException {
  public SiweException(String reason) {
    super(reason);
  }
}
