package org.healthhub.crypto;

import java.security.GeneralSecurityException;

/**
 * Input that cannot be what it claims to be: wrong length, bad encoding, a point off the curve or
 * outside the prime-order subgroup, a value out of range. The message names the input and the rule
 * it broke; it never contains secret material.
 */
public final class MalformedInputException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public MalformedInputException(String reason) {
    super(reason);
  }

  public MalformedInputException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
