package org.healthhub.crypto.record.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.TreeSet;
import org.healthhub.crypto.record.Hkdf;
import org.healthhub.crypto.record.SecretBytes;

/**
 * A salted Merkle tree over a record's fields. Each leaf's salt is HKDF-SHA256(recordSecret,
 * info = label || path): without the record secret, an undisclosed field cannot be confirmed by
 * hashing guesses (a gender, a birth year). The root is the record's identity.
 */
public final class MerkleTree {
  private static final byte[] SALT_LABEL = "healthhub/merkle/leaf-salt/v1\0".getBytes(StandardCharsets.US_ASCII);
  private final List<String> paths;
  private final List<String> values;
  private final List<byte[]> salts;
  private final List<byte[][]> levels;
  private final byte[] root;

  private MerkleTree(List<String> paths, List<String> values, List<byte[]> salts, List<byte[][]> levels) {
    this.paths = paths;
    this.values = values;
    this.salts = salts;
    this.levels = levels;
    this.root = MerkleHashing.root(paths.size(), levels.get(levels.size() - 1)[0]);
  }

  /** @param recordSecret 32 bytes kept with the record, never disclosed */
  public static MerkleTree build(RecordFields fields, SecretBytes recordSecret) {
    if (fields.size() == 0) {
      throw new IllegalArgumentException("a record needs at least one field");
    }
    List<String> paths = new ArrayList<>(fields.asMap().keySet());
    List<String> values = new ArrayList<>(fields.asMap().values());
    byte[] secret = recordSecret.copySecret();
    // Every leaf's HKDF shares the extract step (same secret, no salt): done once for the tree.
    byte[] prk = Hkdf.extract(secret, null);
    java.util.Arrays.fill(secret, (byte) 0);
    List<byte[]> salts = new ArrayList<>(paths.size());
    byte[][] leaves = new byte[paths.size()][];
    try {
      for (int i = 0; i < paths.size(); i++) {
        salts.add(Hkdf.expand(prk, saltInfo(paths.get(i)), MerkleHashing.SALT_LENGTH));
        leaves[i] = MerkleHashing.leaf(salts.get(i), paths.get(i), values.get(i));
      }
    } finally {
      java.util.Arrays.fill(prk, (byte) 0);
    }
    List<byte[][]> levels = new ArrayList<>();
    levels.add(leaves);
    for (byte[][] level = leaves; level.length > 1; ) {
      byte[][] next = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < next.length; i++) {
        next[i] = 2 * i + 1 < level.length ? MerkleHashing.node(level[2 * i], level[2 * i + 1]) : level[2 * i];
      }
      levels.add(next);
      level = next;
    }
    return new MerkleTree(List.copyOf(paths), List.copyOf(values), salts, levels);
  }

  public byte[] root() {
    return root.clone();
  }

  public int leafCount() {
    return paths.size();
  }

  public List<String> paths() {
    return paths;
  }

  /**
   * Reveals {@code requested} fields with their salts and the multiproof for them.
   *
   * @throws NoSuchElementException if a path is not a field of this record
   */
  public Disclosure disclose(Collection<String> requested) {
    if (requested.isEmpty()) {
      throw new IllegalArgumentException("disclose at least one field");
    }
    TreeMap<Integer, byte[]> known = new TreeMap<>();
    List<DisclosedField> fields = new ArrayList<>();
    for (String path : new TreeSet<>(requested)) {
      int index = java.util.Collections.binarySearch(paths, path);
      if (index < 0) {
        throw new NoSuchElementException("record has no field " + path);
      }
      known.put(index, levels.get(0)[index]);
      fields.add(new DisclosedField(index, path, values.get(index), salts.get(index)));
    }
    List<byte[]> proof = new ArrayList<>();
    try {
      MultiproofWalk.climb(
          paths.size(),
          known,
          (level, index) -> {
            proof.add(levels.get(level)[index]);
            return levels.get(level)[index];
          });
    } catch (ProofVerificationException e) {
      throw new IllegalStateException("the prover's own tree cannot miss a sibling", e);
    }
    return new Disclosure(paths.size(), fields, proof);
  }

  static byte[] saltInfo(String path) {
    byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
    byte[] info = java.util.Arrays.copyOf(SALT_LABEL, SALT_LABEL.length + pathBytes.length);
    System.arraycopy(pathBytes, 0, info, SALT_LABEL.length, pathBytes.length);
    return info;
  }
}
