package org.healthhub.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link BlobStore} on a Kubo-compatible node. Puts are hashed locally as they stream, and the
 * node's CID must match; gets are hashed as they stream and the end of the stream is an error if
 * the bytes do not match the CID (a node serves bytes before they can all be checked). Unpinned
 * blobs stay readable until the node's garbage collection.
 */
public final class KuboBlobStore implements BlobStore {
  private final KuboRpcClient rpc;

  public KuboBlobStore(KuboRpcClient rpc) {
    this.rpc = rpc;
  }

  @Override
  public StoredBlob put(InputStream content) throws StorageException {
    HashingInputStream hashed = new HashingInputStream(content);
    KuboRpcClient.AddResult added = rpc.add(hashed);
    DagLink local;
    try {
      local = hashed.finish();
    } catch (IOException e) {
      throw new StorageException("cannot hash the uploaded content: " + e.getMessage(), e);
    }
    if (!local.cid().equals(added.cid())) {
      throw new BlobCorruptedException("the node at " + rpc.apiUrl() + " stored " + added.cid()
          + " but the content's CID is " + local.cid() + " (different add settings or damaged upload)");
    }
    return new StoredBlob(added.cid(), local.contentSize());
  }

  @Override
  public InputStream get(Cid cid) throws StorageException {
    return new CidCheckingStream(rpc.cat(cid), cid);
  }

  @Override
  public long size(Cid cid) throws StorageException {
    return rpc.fileSize(cid);
  }

  @Override
  public boolean exists(Cid cid) throws StorageException {
    return rpc.isPinned(cid);
  }

  @Override
  public void pin(Cid cid) throws StorageException {
    rpc.pinAdd(cid);
  }

  @Override
  public void unpin(Cid cid) throws StorageException {
    rpc.pinRm(cid);
  }

  @Override
  public void close() {}

  /** Fails the end of the stream when the bytes served do not hash to the CID asked for. */
  private static final class CidCheckingStream extends HashingInputStream {
    private final Cid expected;
    private boolean checked;

    CidCheckingStream(InputStream served, Cid expected) {
      super(served);
      this.expected = expected;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read < 0 && !checked) {
        checked = true;
        Cid actual = finish().cid();
        if (!actual.equals(expected)) {
          throw new BlobCorruptedException("the node served bytes hashing to " + actual
              + " for " + expected);
        }
      }
      return read;
    }
  }
}
