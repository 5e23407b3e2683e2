package org.healthhub.crypto.record.envelope;

import java.io.IOException;
import org.healthhub.crypto.record.DecryptionFailedException;

/** What a decrypting stream throws from {@code read}: the typed cause says which segment failed. */
public final class DecryptionFailedIOException extends IOException {
  private static final long serialVersionUID = 1L;

  public DecryptionFailedIOException(DecryptionFailedException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized DecryptionFailedException getCause() {
    return (DecryptionFailedException) super.getCause();
  }
}
