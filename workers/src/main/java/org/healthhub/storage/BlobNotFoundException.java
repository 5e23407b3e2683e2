package org.healthhub.storage;

/** The store does not hold the blob with this CID. */
public final class BlobNotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;

  public BlobNotFoundException(Cid cid) {
    super("no blob " + cid + " in the store");
  }
}
