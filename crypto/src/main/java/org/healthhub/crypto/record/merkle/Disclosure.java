package org.healthhub.crypto.record.merkle;

import java.util.List;

/**
 * What a verifier receives: the revealed fields (ascending index) and the multiproof, the sibling
 * hashes needed to rebuild the root, in the order {@link MerkleVerifier} consumes them.
 */
public record Disclosure(int leafCount, List<DisclosedField> fields, List<byte[]> proof) {
  public Disclosure {
    fields = List.copyOf(fields);
    proof = proof.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }
}
