package org.healthhub.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The Merkle tree a batch anchor commits to, built the way DataHub checks it: leaves are
 * {@code keccak256(keccak256(abi.encode(root, cidDigest, signatureDigest, patient)))}, pairs are
 * hashed sorted (OpenZeppelin's MerkleProof), an unpaired node moves up a level unchanged.
 */
public final class RecordMerkleTree {
  private final List<RecordAnchor> records;
  private final List<byte[][]> levels = new ArrayList<>();

  /** @throws IllegalArgumentException when {@code records} is empty */
  public RecordMerkleTree(List<RecordAnchor> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
    this.records = List.copyOf(records);
    byte[][] level = this.records.stream().map(RecordMerkleTree::leaf).toArray(byte[][]::new);
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < level.length; i += 2) {
        up[i / 2] = i + 1 < level.length ? hashPair(level[i], level[i + 1]) : level[i];
      }
      levels.add(up);
      level = up;
    }
  }

  public byte[] root() {
    return levels.get(levels.size() - 1)[0].clone();
  }

  public int size() {
    return records.size();
  }

  public RecordAnchor record(int index) {
    return records.get(index);
  }

  /** The sibling hashes from the record's leaf up to the root. */
  public List<byte[]> proof(int index) {
    if (index < 0 || index >= records.size()) {
      throw new IllegalArgumentException("no record " + index + " in a batch of " + records.size());
    }
    List<byte[]> proof = new ArrayList<>();
    for (int depth = 0, i = index; depth < levels.size() - 1; depth++, i /= 2) {
      byte[][] level = levels.get(depth);
      int sibling = i ^ 1;
      if (sibling < level.length) {
        proof.add(level[sibling].clone());
      }
    }
    return proof;
  }

  static byte[] leaf(RecordAnchor record) {
    String encoded = TypeEncoder.encode(new Bytes32(record.root()))
        + TypeEncoder.encode(new Bytes32(record.cidDigest()))
        + TypeEncoder.encode(new Bytes32(record.signatureDigest()))
        + TypeEncoder.encode(new Address(record.patient()));
    return Hash.sha3(Hash.sha3(Numeric.hexStringToByteArray(encoded)));
  }

  private static byte[] hashPair(byte[] a, byte[] b) {
    boolean aFirst = Arrays.compareUnsigned(a, b) <= 0;
    byte[] joined = new byte[64];
    System.arraycopy(aFirst ? a : b, 0, joined, 0, 32);
    System.arraycopy(aFirst ? b : a, 0, joined, 32, 32);
    return Hash.sha3(joined);
  }
}
