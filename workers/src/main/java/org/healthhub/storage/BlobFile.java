package org.healthhub.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The embedded store's file per blob: the content as is, then each internal dag-pb node (varint
 * length + block, children before parents), then a footer: the offset where the nodes start and a
 * magic number. A single-chunk blob has no internal node; its leaf is rebuilt from the content.
 */
final class BlobFile {
  static final long MAGIC = 0x4848_424C_4F42_3031L; // "HHBLOB01"
  static final int FOOTER_SIZE = 16;

  private BlobFile() {}

  static void writeNodeRecord(FileChannel out, byte[] block) throws IOException {
    ByteBuffer length = ByteBuffer.allocate(5);
    int value = block.length;
    while ((value & ~0x7F) != 0) {
      length.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    length.put((byte) value).flip();
    writeFully(out, length);
    writeFully(out, ByteBuffer.wrap(block));
  }

  static void writeFooter(FileChannel out, long nodesOffset) throws IOException {
    writeFully(out, ByteBuffer.allocate(FOOTER_SIZE).putLong(nodesOffset).putLong(MAGIC).flip());
  }

  /** The offset where the node records start, which is also the content size. */
  static long readNodesOffset(FileChannel in, String name) throws IOException {
    long fileSize = in.size();
    if (fileSize < FOOTER_SIZE) {
      throw new BlobCorruptedException(name + " is truncated: " + fileSize + " bytes, no footer");
    }
    ByteBuffer footer = readFully(in, fileSize - FOOTER_SIZE, FOOTER_SIZE, name);
    long nodesOffset = footer.getLong();
    if (footer.getLong() != MAGIC || nodesOffset < 0 || nodesOffset > fileSize - FOOTER_SIZE) {
      throw new BlobCorruptedException(name + " has no valid footer (truncated or overwritten)");
    }
    return nodesOffset;
  }

  static ByteBuffer readFully(FileChannel in, long position, int length, String name)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) {
        throw new BlobCorruptedException(name + " ends before offset " + (position + length));
      }
    }
    return buffer.flip();
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }
}
