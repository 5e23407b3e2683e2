package org.healthhub.storage;

import java.io.InputStream;

/**
 * Content-addressed storage for encrypted records. Every implementation names a blob by the CIDv0
 * Kubo gives it with its defaults (dag-pb, UnixFS, balanced layout, 174 links per node, chunks of
 * 262,144 bytes, no raw leaves), so a CID from one store finds the same bytes in another.
 *
 * <p>Blobs stream both ways: neither put nor get holds a whole blob in memory. A put pins the
 * blob; {@link #unpin} lets it go (at once or at the store's next garbage collection).
 */
public interface BlobStore extends AutoCloseable {

  /**
   * Stores the stream's bytes to its end and pins them. The stream is read, not closed.
   *
   * @return the CID and content size
   * @throws StorageException if the store fails; nothing is then pinned under a CID
   */
  StoredBlob put(InputStream content) throws StorageException;

  /**
   * Opens the blob for reading. The returned stream throws {@link BlobCorruptedException} (an
   * {@link java.io.IOException}) from {@code read} as soon as stored bytes disagree with the CID;
   * the embedded store checks each chunk before handing it out.
   *
   * @throws BlobNotFoundException if the store does not hold it
   * @throws StoreTimeoutException if a node does not find it in time (how an unknown CID shows)
   */
  InputStream get(Cid cid) throws StorageException;

  /** The content size of a held blob. @throws BlobNotFoundException if it is not held */
  long size(Cid cid) throws StorageException;

  /** Whether the store holds the blob pinned. Never waits for the network. */
  boolean exists(Cid cid) throws StorageException;

  /** Pins a held blob (idempotent). @throws BlobNotFoundException if it is not held */
  void pin(Cid cid) throws StorageException;

  /** Releases the pin (idempotent): the blob may then disappear. */
  void unpin(Cid cid) throws StorageException;

  @Override
  void close();
}
