package org.healthhub.crypto.record.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The three hashes of the tree, each with its own first byte so that no leaf can pass for an inner
 * node or a root, and no inner node for a leaf:
 * leaf = H(0x00 || salt || len(path) || path || len(value) || value), node = H(0x01 || left || right),
 * root = H(0x02 || leafCount || top).
 */
final class MerkleHashing {
  static final int HASH_LENGTH = 32;
  static final int SALT_LENGTH = 32;
  private static final byte LEAF = 0x00;
  private static final byte NODE = 0x01;
  private static final byte ROOT = 0x02;

  private MerkleHashing() {}

  static byte[] leaf(byte[] salt, String path, String canonicalValue) {
    byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
    byte[] valueBytes = canonicalValue.getBytes(StandardCharsets.UTF_8);
    MessageDigest sha = sha256();
    sha.update(LEAF);
    sha.update(salt);
    sha.update(ByteBuffer.allocate(4).putInt(pathBytes.length).array());
    sha.update(pathBytes);
    sha.update(ByteBuffer.allocate(4).putInt(valueBytes.length).array());
    sha.update(valueBytes);
    return sha.digest();
  }

  static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update(NODE);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  static byte[] root(int leafCount, byte[] top) {
    MessageDigest sha = sha256();
    sha.update(ROOT);
    sha.update(ByteBuffer.allocate(4).putInt(leafCount).array());
    sha.update(top);
    return sha.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
