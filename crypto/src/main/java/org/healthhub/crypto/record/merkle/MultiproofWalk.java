package org.healthhub.crypto.record.merkle;

import java.util.Map;
import java.util.TreeMap;

/**
 * Climbs from a set of known leaves to the top node, level by level; an odd last node is promoted
 * unchanged. Prover and verifier run this same walk, so they ask for sibling hashes in one order.
 */
final class MultiproofWalk {
  /** Supplies the hash of a sibling that is not known at this level. */
  interface SiblingSource {
    byte[] sibling(int level, int index) throws ProofVerificationException;
  }

  private MultiproofWalk() {}

  static byte[] climb(int leafCount, TreeMap<Integer, byte[]> known, SiblingSource source)
      throws ProofVerificationException {
    int size = leafCount;
    TreeMap<Integer, byte[]> current = known;
    for (int level = 0; size > 1; level++) {
      TreeMap<Integer, byte[]> parents = new TreeMap<>();
      Map.Entry<Integer, byte[]> entry = current.firstEntry();
      while (entry != null) {
        int index = entry.getKey();
        byte[] parent;
        if (index % 2 == 1) {
          parent = MerkleHashing.node(source.sibling(level, index - 1), entry.getValue());
        } else if (index + 1 >= size) {
          parent = entry.getValue();
        } else if (current.containsKey(index + 1)) {
          parent = MerkleHashing.node(entry.getValue(), current.get(index + 1));
          entry = current.higherEntry(index + 1);
          parents.put(index / 2, parent);
          continue;
        } else {
          parent = MerkleHashing.node(entry.getValue(), source.sibling(level, index + 1));
        }
        parents.put(index / 2, parent);
        entry = current.higherEntry(index);
      }
      current = parents;
      size = (size + 1) / 2;
    }
    return current.get(0);
  }
}
