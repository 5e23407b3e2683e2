package org.healthhub.storage;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte-exact dag-pb blocks of a UnixFS file as Kubo and js-ipfs write them with their defaults:
 * leaves are UnixFS File nodes holding one chunk (no raw leaves), internal nodes list their
 * children's links before their UnixFS data, link names are present and empty.
 */
final class UnixFsFile {
  static final int CHUNK_SIZE = 262_144;
  static final int MAX_LINKS = 174;

  private static final int UNIXFS_FILE = 2;
  private static final int PB_LINKS = 2;
  private static final int PB_DATA = 1;

  private UnixFsFile() {}

  /** Hashes the leaf block holding {@code chunk[0, length)} without copying the chunk. */
  static DagLink leaf(MessageDigest sha256, byte[] chunk, int length) {
    ByteArrayOutputStream unixFsHead = new ByteArrayOutputStream(16);
    Protobuf.writeVarintField(unixFsHead, 1, UNIXFS_FILE);
    if (length > 0) {
      Protobuf.writeTag(unixFsHead, 2, Protobuf.LENGTH_DELIMITED);
      Protobuf.writeVarint(unixFsHead, length);
    }
    ByteArrayOutputStream unixFsTail = new ByteArrayOutputStream(8);
    Protobuf.writeVarintField(unixFsTail, 3, length);
    long unixFsLength = unixFsHead.size() + length + unixFsTail.size();

    ByteArrayOutputStream blockHead = new ByteArrayOutputStream(8);
    Protobuf.writeTag(blockHead, PB_DATA, Protobuf.LENGTH_DELIMITED);
    Protobuf.writeVarint(blockHead, unixFsLength);

    sha256.reset();
    sha256.update(blockHead.toByteArray());
    sha256.update(unixFsHead.toByteArray());
    sha256.update(chunk, 0, length);
    sha256.update(unixFsTail.toByteArray());
    long blockSize = blockHead.size() + unixFsLength;
    return new DagLink(Cid.ofSha256(sha256.digest()), blockSize, length);
  }

  /** The block of an internal node over {@code children}, in order. */
  static byte[] internalNode(List<DagLink> children) {
    ByteArrayOutputStream block = new ByteArrayOutputStream(children.size() * 48 + 64);
    long contentSize = 0;
    for (DagLink child : children) {
      ByteArrayOutputStream link = new ByteArrayOutputStream(48);
      Protobuf.writeBytesField(link, 1, child.cid().multihash());
      Protobuf.writeBytesField(link, 2, new byte[0]);
      Protobuf.writeVarintField(link, 3, child.dagSize());
      Protobuf.writeBytesField(block, PB_LINKS, link.toByteArray());
      contentSize += child.contentSize();
    }
    ByteArrayOutputStream unixFs = new ByteArrayOutputStream(children.size() * 4 + 16);
    Protobuf.writeVarintField(unixFs, 1, UNIXFS_FILE);
    Protobuf.writeVarintField(unixFs, 3, contentSize);
    for (DagLink child : children) {
      Protobuf.writeVarintField(unixFs, 4, child.contentSize());
    }
    Protobuf.writeBytesField(block, PB_DATA, unixFs.toByteArray());
    return block.toByteArray();
  }

  /** The link a parent holds to the internal node {@code block} over {@code children}. */
  static DagLink linkTo(MessageDigest sha256, byte[] block, List<DagLink> children) {
    long dagSize = block.length;
    long contentSize = 0;
    for (DagLink child : children) {
      dagSize += child.dagSize();
      contentSize += child.contentSize();
    }
    sha256.reset();
    return new DagLink(Cid.ofSha256(sha256.digest(block)), dagSize, contentSize);
  }

  /**
   * The children of an internal node, each with the content size its parent records.
   *
   * @throws BlobCorruptedException if the block is not a UnixFS file node with one size per link
   */
  static List<DagLink> children(byte[] block) throws BlobCorruptedException {
    List<Cid> cids = new ArrayList<>();
    List<Long> dagSizes = new ArrayList<>();
    List<Long> contentSizes = new ArrayList<>();
    int type = -1;
    ProtobufReader node = new ProtobufReader(block);
    while (node.hasMore()) {
      int tag = node.readTag();
      if (tag == (PB_LINKS << 3 | Protobuf.LENGTH_DELIMITED)) {
        readLink(node.readMessage(), cids, dagSizes);
      } else if (tag == (PB_DATA << 3 | Protobuf.LENGTH_DELIMITED)) {
        ProtobufReader unixFs = node.readMessage();
        while (unixFs.hasMore()) {
          int field = unixFs.readTag();
          if (field == (1 << 3)) {
            type = (int) unixFs.readVarint();
          } else if (field == (4 << 3)) {
            contentSizes.add(unixFs.readVarint());
          } else {
            unixFs.skip(field & 7);
          }
        }
      } else {
        node.skip(tag & 7);
      }
    }
    if (type != UNIXFS_FILE || cids.isEmpty() || cids.size() != contentSizes.size()) {
      throw new BlobCorruptedException("internal node is not a UnixFS file node with one blocksize per link");
    }
    List<DagLink> links = new ArrayList<>(cids.size());
    for (int i = 0; i < cids.size(); i++) {
      links.add(new DagLink(cids.get(i), dagSizes.get(i), contentSizes.get(i)));
    }
    return links;
  }

  private static void readLink(ProtobufReader link, List<Cid> cids, List<Long> dagSizes)
      throws BlobCorruptedException {
    byte[] hash = null;
    long dagSize = 0;
    while (link.hasMore()) {
      int tag = link.readTag();
      if (tag == (1 << 3 | Protobuf.LENGTH_DELIMITED)) {
        hash = link.readBytes();
      } else if (tag == (3 << 3)) {
        dagSize = link.readVarint();
      } else {
        link.skip(tag & 7);
      }
    }
    if (hash == null) {
      throw new BlobCorruptedException("dag-pb link without a hash");
    }
    try {
      cids.add(Cid.fromMultihash(hash));
    } catch (InvalidCidException e) {
      throw new BlobCorruptedException("dag-pb link to a non-CIDv0 hash: " + e.getMessage());
    }
    dagSizes.add(dagSize);
  }
}
