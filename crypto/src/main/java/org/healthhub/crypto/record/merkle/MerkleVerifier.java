package org.healthhub.crypto.record.merkle;

import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.healthhub.crypto.MalformedInputException;

/**
 * Checks a {@link Disclosure} against a record root. Verification either returns normally (every
 * disclosed field is in the record the root names, at its index, with that exact value) or throws.
 */
public final class MerkleVerifier {
  /** Far above any record; bounds the work a hostile disclosure can cause. */
  public static final int MAX_LEAVES = 1 << 20;

  private MerkleVerifier() {}

  /**
   * @throws MalformedInputException if the disclosure is structurally invalid: no fields, indices
   *     out of range or not ascending, paths out of order, salts not 32 bytes, proof hashes not 32
   *     bytes, values not canonical JSON
   * @throws ProofVerificationException if it is well formed but does not lead to {@code root}
   */
  public static void verify(byte[] root, Disclosure disclosure)
      throws MalformedInputException, ProofVerificationException {
    int leafCount = disclosure.leafCount();
    if (leafCount < 1 || leafCount > MAX_LEAVES) {
      throw new MalformedInputException("leaf count " + leafCount + " outside [1, " + MAX_LEAVES + "]");
    }
    TreeMap<Integer, byte[]> known = leaves(leafCount, disclosure.fields());
    List<byte[]> proof = disclosure.proof();
    for (byte[] hash : proof) {
      if (hash.length != MerkleHashing.HASH_LENGTH) {
        throw new MalformedInputException("proof hash of " + hash.length + " bytes, expected 32");
      }
    }
    Iterator<byte[]> siblings = proof.iterator();
    byte[] top =
        MultiproofWalk.climb(
            leafCount,
            known,
            (level, index) -> {
              if (!siblings.hasNext()) {
                throw new ProofVerificationException(
                    "proof too short: no hash for node " + index + " at level " + level);
              }
              return siblings.next();
            });
    if (siblings.hasNext()) {
      throw new ProofVerificationException("proof has hashes left over after reaching the top");
    }
    if (!MessageDigest.isEqual(MerkleHashing.root(leafCount, top), root)) {
      throw new ProofVerificationException(
          "computed root differs from the signed root: a field, salt, index, leaf count or proof hash was changed");
    }
  }

  private static TreeMap<Integer, byte[]> leaves(int leafCount, List<DisclosedField> fields)
      throws MalformedInputException {
    if (fields.isEmpty()) {
      throw new MalformedInputException("disclosure reveals no field");
    }
    TreeMap<Integer, byte[]> known = new TreeMap<>();
    DisclosedField previous = null;
    for (DisclosedField field : fields) {
      if (field.index() < 0 || field.index() >= leafCount) {
        throw new MalformedInputException("field index " + field.index() + " outside [0, " + leafCount + ")");
      }
      if (previous != null
          && (field.index() <= previous.index() || field.path().compareTo(previous.path()) <= 0)) {
        throw new MalformedInputException(
            "fields must ascend by index and path: " + field.path() + " follows " + previous.path());
      }
      if (field.salt().length != MerkleHashing.SALT_LENGTH) {
        throw new MalformedInputException("salt of " + field.path() + " is not 32 bytes");
      }
      CanonicalJson.requireCanonical(field.canonicalValue());
      known.put(field.index(), MerkleHashing.leaf(field.salt(), field.path(), field.canonicalValue()));
      previous = field;
    }
    return known;
  }
}
