package org.healthhub.storage;

import java.io.IOException;

/**
 * A blob store could not do what was asked. Subtypes say whether retrying may help
 * ({@link StoreUnavailableException}, {@link StoreTimeoutException}) or not
 * ({@link BlobNotFoundException}, {@link BlobCorruptedException}).
 */
public class StorageException extends IOException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
