package org.healthhub.storage;

/**
 * The store did not answer in time; for a node this is also how an unknown CID shows, since the
 * node keeps looking for it.
 */
public final class StoreTimeoutException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StoreTimeoutException(String message) {
    super(message);
  }
}
