package org.healthhub.storage;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a stream's CIDv0 as Kubo's {@code add} does by default, in constant memory: cuts the
 * bytes into chunks of 262,144, makes a leaf per chunk and groups links 174 at a time, level by
 * level (the balanced layout), until one root is left. A single chunk is its own root.
 */
final class DagHasher {

  /** Receives each internal node block, children before parents, the root's last. */
  interface InternalNodeSink {
    void accept(byte[] block) throws IOException;
  }

  private final InternalNodeSink sink;
  private final MessageDigest sha256;
  private final byte[] chunk = new byte[UnixFsFile.CHUNK_SIZE];
  private final List<List<DagLink>> pendingByLevel = new ArrayList<>();
  private int chunkFill;
  private long leafCount;
  private long contentSize;

  DagHasher(InternalNodeSink sink) {
    this.sink = sink;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** A hasher that only computes the CID. */
  static DagHasher cidOnly() {
    return new DagHasher(block -> {});
  }

  void update(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (chunkFill == chunk.length) {
        addLeaf();
      }
      int taken = Math.min(length, chunk.length - chunkFill);
      System.arraycopy(bytes, offset, chunk, chunkFill, taken);
      chunkFill += taken;
      offset += taken;
      length -= taken;
      contentSize += taken;
    }
  }

  long contentSize() {
    return contentSize;
  }

  /** Ends the stream and returns the root; the hasher is then spent. */
  DagLink finish() throws IOException {
    if (chunkFill > 0 || leafCount == 0) {
      addLeaf();
    }
    for (int level = 0; ; level++) {
      List<DagLink> pending = pendingByLevel.get(level);
      boolean topLevel = level == pendingByLevel.size() - 1;
      if (topLevel && pending.size() == 1) {
        return pending.get(0);
      }
      if (!pending.isEmpty()) {
        addParent(level);
      }
    }
  }

  private void addLeaf() throws IOException {
    add(0, UnixFsFile.leaf(sha256, chunk, chunkFill));
    chunkFill = 0;
    leafCount++;
  }

  private void add(int level, DagLink link) throws IOException {
    if (pendingByLevel.size() == level) {
      pendingByLevel.add(new ArrayList<>(UnixFsFile.MAX_LINKS));
    }
    List<DagLink> pending = pendingByLevel.get(level);
    pending.add(link);
    if (pending.size() == UnixFsFile.MAX_LINKS) {
      addParent(level);
    }
  }

  private void addParent(int level) throws IOException {
    List<DagLink> children = pendingByLevel.get(level);
    byte[] block = UnixFsFile.internalNode(children);
    sink.accept(block);
    DagLink parent = UnixFsFile.linkTo(sha256, block, children);
    children.clear();
    add(level + 1, parent);
  }
}
