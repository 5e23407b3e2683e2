package org.healthhub.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link BlobFile} walking its DAG from the root: every node is hashed and compared with
 * the link that names it before its children are trusted, and every chunk is hashed as its leaf
 * before a byte of it is returned. Memory: one chunk, the path from the root, one offset per
 * internal node (about 25 per GB).
 */
final class VerifiedBlobStream extends BulkInputStream {
  private final FileChannel file;
  private final String name;
  private final long contentSize;
  private final Map<Cid, long[]> nodeOffsets;
  private final Deque<Iterator<DagLink>> path = new ArrayDeque<>();
  private final MessageDigest sha256;
  private final byte[] chunk = new byte[UnixFsFile.CHUNK_SIZE];
  private int chunkLength;
  private int chunkPosition;
  private long contentPosition;

  private VerifiedBlobStream(FileChannel file, Cid root) throws IOException {
    this.file = file;
    this.name = "blob " + root;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    this.contentSize = BlobFile.readNodesOffset(file, name);
    this.nodeOffsets = indexNodes();
    path.push(List.of(new DagLink(root, 0, contentSize)).iterator());
  }

  static VerifiedBlobStream open(Path blobFile, Cid root) throws IOException {
    FileChannel channel = FileChannel.open(blobFile, StandardOpenOption.READ);
    try {
      return new VerifiedBlobStream(channel, root);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (chunkPosition == chunkLength) {
      if (!nextChunk()) {
        return -1;
      }
    }
    int copied = Math.min(length, chunkLength - chunkPosition);
    System.arraycopy(chunk, chunkPosition, buffer, offset, copied);
    chunkPosition += copied;
    return copied;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  private boolean nextChunk() throws IOException {
    while (!path.isEmpty()) {
      Iterator<DagLink> siblings = path.peek();
      if (!siblings.hasNext()) {
        path.pop();
        continue;
      }
      DagLink link = siblings.next();
      long[] node = nodeOffsets.get(link.cid());
      if (node != null) {
        path.push(UnixFsFile.children(verifiedNode(link.cid(), node)).iterator());
      } else {
        readVerifiedLeaf(link);
        return true;
      }
    }
    if (contentPosition != contentSize) {
      throw new BlobCorruptedException(name + " holds " + contentSize + " content bytes, its DAG "
          + contentPosition);
    }
    return false;
  }

  private void readVerifiedLeaf(DagLink link) throws IOException {
    long length = link.contentSize();
    if (length > chunk.length || contentPosition + length > contentSize) {
      throw new BlobCorruptedException(name + ": a leaf of " + length + " bytes at offset "
          + contentPosition + " does not fit the " + contentSize + " stored bytes");
    }
    ByteBuffer target = ByteBuffer.wrap(chunk, 0, (int) length);
    while (target.hasRemaining()) {
      if (file.read(target, contentPosition + target.position()) < 0) {
        throw new BlobCorruptedException(name + " is truncated at offset " + contentPosition);
      }
    }
    if (!UnixFsFile.leaf(sha256, chunk, (int) length).cid().equals(link.cid())) {
      throw new BlobCorruptedException(name + ": the chunk at offset " + contentPosition
          + " does not hash to its leaf " + link.cid());
    }
    contentPosition += length;
    chunkLength = (int) length;
    chunkPosition = 0;
  }

  private byte[] verifiedNode(Cid cid, long[] offsetAndLength) throws IOException {
    byte[] block = BlobFile.readFully(file, offsetAndLength[0], (int) offsetAndLength[1], name).array();
    sha256.reset();
    if (!cid.hasDigest(sha256.digest(block))) {
      throw new BlobCorruptedException(name + ": internal node " + cid + " changed while read");
    }
    return block;
  }

  private Map<Cid, long[]> indexNodes() throws IOException {
    Map<Cid, long[]> offsets = new HashMap<>();
    long position = contentSize;
    long end = file.size() - BlobFile.FOOTER_SIZE;
    while (position < end) {
      ByteBuffer header = BlobFile.readFully(file, position, (int) Math.min(5, end - position), name);
      long length = 0;
      int headerLength = 0;
      for (int shift = 0; ; shift += 7) {
        if (!header.hasRemaining() || shift > 28) {
          throw new BlobCorruptedException(name + " has a malformed node record at " + position);
        }
        int b = header.get() & 0xFF;
        headerLength++;
        length |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          break;
        }
      }
      long blockOffset = position + headerLength;
      if (length > end - blockOffset) {
        throw new BlobCorruptedException(name + " has a node record overrunning its file at " + position);
      }
      byte[] block = BlobFile.readFully(file, blockOffset, (int) length, name).array();
      sha256.reset();
      offsets.put(Cid.ofSha256(sha256.digest(block)), new long[] {blockOffset, length});
      position = blockOffset + length;
    }
    return offsets;
  }
}
