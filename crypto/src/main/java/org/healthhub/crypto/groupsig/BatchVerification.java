package org.healthhub.crypto.groupsig;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.batch.BatchFold;
import org.healthhub.crypto.groupsig.batch.BatchVerifiable;
import org.healthhub.crypto.groupsig.batch.CommittedSignature;
import org.healthhub.crypto.groupsig.batch.FoldablePlainSignatures;

/**
 * Verifies a batch of signatures under one group key and names every bad one.
 *
 * <p>Plain signatures ({@link #verifyAll}): pygroupsig's signatures (all seven schemes) carry the
 * challenge c and the responses, not the commitments. The verifier must recompute each
 * commitment, pairings included, exactly, because it is hashed into the challenge; there is no
 * equation left to fold, and a batch costs what its signatures cost one by one. Except gl19
 * ({@link FoldablePlainSignatures}): its issuer equation, checked after the proof, is folded over
 * the batch into one multi-pairing.
 *
 * <p>Committed signatures ({@link #verifyAllCommitted}, bbs04 and cpy06): each carries its
 * commitments beside the unchanged pygroupsig signature. The challenge of each is checked as a
 * hash, and all the verification equations of the batch, each raised to a random 64-bit exponent,
 * are folded into one G1 multi-scalar multiplication and one multi-pairing ({@link BatchFold}).
 * If the fold fails, each signature is checked alone to name the bad ones.
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
    if (scheme instanceof FoldablePlainSignatures foldable) {
      BatchFold fold = new BatchFold();
      for (int i = 0; i < batch.size(); i++) {
        Signed signed = batch.get(i);
        try {
          foldable.addToFold(fold, signed.message(), signed.signature(), groupKey);
        } catch (GeneralSecurityException e) {
          rejected.put(i, reason(e));
        }
      }
      if (!fold.holds()) {
        verifyEach(scheme, groupKey, batch, rejected);
      }
    } else {
      verifyEach(scheme, groupKey, batch, rejected);
    }
    if (!rejected.isEmpty()) {
      throw new BatchRejectedException(rejected);
    }
  }

  /** Verifies every signature not yet rejected on its own, recording the ones that fail. */
  private static void verifyEach(
      GroupSignatureScheme scheme, GroupKey groupKey, List<Signed> batch, Map<Integer, String> rejected) {
    for (int i = 0; i < batch.size(); i++) {
      if (rejected.containsKey(i)) {
        continue;
      }
      Signed signed = batch.get(i);
      try {
        scheme.verify(signed.message(), signed.signature(), groupKey);
      } catch (GeneralSecurityException e) {
        rejected.put(i, reason(e));
      }
    }
  }

  private static String reason(GeneralSecurityException e) {
    return e instanceof InvalidSignatureException || e instanceof MalformedInputException
        ? e.getMessage()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A message and its signature in batch-verifiable form. */
  public record CommittedSigned(String message, CommittedSignature signature) {}

  /**
   * Returns normally if and only if every committed signature of {@code batch} is valid for its
   * message and carries the commitments its verification recomputes (up to a 2⁻⁶⁴ chance of a
   * false yes per batch): what {@link GroupSignatureScheme#verify} of each plain signature plus a
   * comparison of its commitments would decide.
   *
   * @throws BatchRejectedException naming each invalid or malformed signature by its index
   */
  public static void verifyAllCommitted(
      BatchVerifiable scheme, GroupKey groupKey, List<CommittedSigned> batch)
      throws BatchRejectedException {
    Map<Integer, String> rejected = new LinkedHashMap<>();
    BatchFold fold = new BatchFold();
    for (int i = 0; i < batch.size(); i++) {
      addToFold(scheme, fold, groupKey, batch.get(i), i, rejected);
    }
    if (!fold.holds()) {
      int failedAlone = 0;
      for (int i = 0; i < batch.size(); i++) {
        if (rejected.containsKey(i)) {
          continue;
        }
        BatchFold alone = new BatchFold();
        addToFold(scheme, alone, groupKey, batch.get(i), i, rejected);
        if (!alone.holds()) {
          rejected.put(i, "the commitments do not satisfy the verification equations");
          failedAlone++;
        }
      }
      if (failedAlone == 0) {
        throw new IllegalStateException("the batch fold failed but every signature passes alone");
      }
    }
    if (!rejected.isEmpty()) {
      throw new BatchRejectedException(rejected);
    }
  }

  private static void addToFold(
      BatchVerifiable scheme,
      BatchFold fold,
      GroupKey groupKey,
      CommittedSigned signed,
      int index,
      Map<Integer, String> rejected) {
    try {
      scheme.addToFold(fold, signed.message(), signed.signature(), groupKey);
    } catch (InvalidSignatureException | MalformedInputException e) {
      rejected.put(index, e.getMessage());
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
