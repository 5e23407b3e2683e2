package org.healthhub.crypto.record;

import java.security.GeneralSecurityException;

/**
 * Ciphertext that does not authenticate under the key given: altered, truncated, reordered, or
 * sealed for someone else. No plaintext of the failing unit is ever released before this is thrown.
 */
public final class DecryptionFailedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public DecryptionFailedException(String reason) {
    super(reason);
  }

  public DecryptionFailedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
