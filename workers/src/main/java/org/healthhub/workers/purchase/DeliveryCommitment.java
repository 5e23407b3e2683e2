package org.healthhub.workers.purchase;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.workers.record.RecordVariables;

/**
 * The digest a hospital posts on chain for a delivery: a Merkle root over one digest per delivered
 * record, so one record can be held to the chain alone (a dispute shows the managers the disputed
 * record and its path, never the rest of the delivery). A record's digest covers its group
 * signature, which is randomized, so the digests say nothing about low-entropy field values.
 * Leaves, nodes and the root are hashed under distinct tags; the root binds the record count, and
 * an odd node at the end of a level moves up unchanged.
 */
public final class DeliveryCommitment {
  private static final byte RECORD = 0x00;
  private static final byte NODE = 0x01;
  private static final byte ROOT = 0x02;
  private static final byte[] LABEL = "healthhub/delivery/record/v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final int HASH_LENGTH = 32;

  private DeliveryCommitment() {}

  /** The root over {@code records} in their bundle order; a delivery holds at least one record. */
  public static byte[] root(List<DeliveredRecord> records) {
    List<byte[]> level = recordDigests(records);
    while (level.size() > 1) {
      level = up(level);
    }
    return root(records.size(), level.get(0));
  }

  /** The sibling digests from record {@code index} (from 0) up to the root, bottom first. */
  public static List<byte[]> path(List<DeliveredRecord> records, int index) {
    List<byte[]> path = new ArrayList<>();
    List<byte[]> level = recordDigests(records);
    for (int i = index; level.size() > 1; i /= 2) {
      int sibling = i ^ 1;
      if (sibling < level.size()) {
        path.add(level.get(sibling));
      }
      level = up(level);
    }
    return path;
  }

  /**
   * Whether {@code record}, at {@code index} of {@code count} records, leads through {@code path}
   * to {@code root}.
   *
   * @throws MalformedInputException if index, count and path cannot describe a place in such a tree
   */
  public static boolean leadsTo(byte[] root, DeliveredRecord record, int index, int count, List<byte[]> path)
      throws MalformedInputException {
    if (count < 1 || index < 0 || index >= count) {
      throw new MalformedInputException("record " + index + " is no place among " + count + " records");
    }
    byte[] node = recordDigest(record);
    int used = 0;
    for (int i = index, size = count; size > 1; i /= 2, size = (size + 1) / 2) {
      if ((i ^ 1) >= size) {
        continue;
      }
      if (used == path.size()) {
        throw new MalformedInputException("the path is shorter than the tree over " + count + " records");
      }
      byte[] sibling = path.get(used++);
      if (sibling.length != HASH_LENGTH) {
        throw new MalformedInputException("a path digest is " + sibling.length + " bytes, not " + HASH_LENGTH);
      }
      node = i % 2 == 0 ? node(node, sibling) : node(sibling, node);
    }
    if (used != path.size()) {
      throw new MalformedInputException("the path is longer than the tree over " + count + " records");
    }
    return MessageDigest.isEqual(root(count, node), root);
  }

  static byte[] recordDigest(DeliveredRecord record) {
    return tagged(RECORD, LABEL, DeliveryBundle.canonicalEntry(record));
  }

  private static List<byte[]> recordDigests(List<DeliveredRecord> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a delivery holds at least one record");
    }
    return records.stream().map(DeliveryCommitment::recordDigest).toList();
  }

  private static List<byte[]> up(List<byte[]> level) {
    List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
    for (int j = 0; j < level.size(); j += 2) {
      next.add(j + 1 < level.size() ? node(level.get(j), level.get(j + 1)) : level.get(j));
    }
    return next;
  }

  private static byte[] node(byte[] left, byte[] right) {
    return tagged(NODE, left, right);
  }

  private static byte[] root(int count, byte[] top) {
    return tagged(ROOT, ByteBuffer.allocate(Integer.BYTES).putInt(count).array(), top);
  }

  private static byte[] tagged(byte tag, byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(tag);
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return RecordVariables.sha256(bytes.toByteArray());
  }
}
