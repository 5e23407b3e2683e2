package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;

/**
 * Verifies a batch of signatures under one group key and names every bad one.
 *
 * <p>Why there is no small-exponent fold: pygroupsig's signatures (all seven schemes) carry the
 * challenge c and the responses, not the commitments. The verifier must recompute each
 * commitment, pairings included (bbs04's R3, cpy06's B5 and B6), exactly, because it is hashed
 * into the challenge; a random linear combination of many such values can be checked against
 * nothing. Folding pairings into one multi-pairing needs signatures that carry their GT
 * commitments, which pygroupsig cannot read. So a batch costs what its signatures cost one by one;
 * this class gives the batch interface the flows need and a precise verdict.
 */
public final class BatchVerification {
  private BatchVerification() {}

  /** A message and its signature. */
  public record Signed(String message, GroupSignature signature) {}

  /**
   * Returns normally if and only if every signature of {@code batch} is valid for its message.
   *
   * @throws BatchRejectedException naming each invalid or malformed signature by its index
   */
  public static void verifyAll(GroupSignatureScheme scheme, GroupKey groupKey, List<Signed> batch)
      throws BatchRejectedException {
    Map<Integer, String> rejected = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Signed signed = batch.get(i);
      try {
        scheme.verify(signed.message(), signed.signature(), groupKey);
      } catch (InvalidSignatureException | MalformedInputException e) {
        rejected.put(i, e.getMessage());
      } catch (GeneralSecurityException e) {
        rejected.put(i, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (!rejected.isEmpty()) {
      throw new BatchRejectedException(rejected);
    }
  }

  /** Some signatures of a batch do not verify; {@link #rejected()} names them. */
  public static final class BatchRejectedException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;
    private final transient Map<Integer, String> rejected;

    BatchRejectedException(Map<Integer, String> rejected) {
      super(rejected.size() + " signature(s) of the batch do not verify, at " + rejected.keySet());
      this.rejected = Map.copyOf(rejected);
    }

    /** The indices of the bad signatures, in order. */
    public List<Integer> indices() {
      return new ArrayList<>(new java.util.TreeSet<>(rejected.keySet()));
    }

    /** Each bad signature's index and the reason it failed. */
    public Map<Integer, String> rejected() {
      return rejected;
    }
  }
}
