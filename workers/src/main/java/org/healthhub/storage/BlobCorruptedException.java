package org.healthhub.storage;

/** Stored bytes do not hash to the CID they are stored under: corrupted or truncated. */
public final class BlobCorruptedException extends StorageException {
  private static final long serialVersionUID = 1L;

  public BlobCorruptedException(String message) {
    super(message);
  }
}
