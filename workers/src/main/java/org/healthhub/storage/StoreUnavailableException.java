package org.healthhub.storage;

/** The store could not be reached (connection refused or dropped); worth retrying later. */
public final class StoreUnavailableException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
