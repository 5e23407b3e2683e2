package org.healthhub.workers.purchase;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthhub.chain.AnchoredDigests;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.BatchVerification;
import org.healthhub.crypto.groupsig.BatchVerification.BatchRejectedException;
import org.healthhub.crypto.groupsig.BatchVerification.Signed;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.record.merkle.MerkleVerifier;
import org.healthhub.crypto.record.merkle.ProofVerificationException;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.VerificationWords;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.record.RecordVariables;
import org.healthhub.workers.record.SealedRecords;
import org.healthhub.workers.record.SignRootHandler;

/**
 * {@code purchase.verify}: the buyer's worker opens the bundle with the buyer's key, holds its records
 * to the {@link DeliveryCommitment} the hospital posted on chain and checks every record: its root anchored on DataHub with this very
 * signature's digest, its fields' multiproof leading to that root, and all group signatures in one
 * {@link BatchVerification} per group, which names the bad ones. The result is one line per record
 * in fixed words ({@code verificationResults}); nothing of the records' content leaves the worker.
 */
public final class VerifyDeliveryHandler implements TaskHandler {
  public static final String ALL_VERIFIED = "ALL_VERIFIED";
  public static final String REJECTED = "REJECTED";
  public static final String BUNDLE_NOT_ON_CHAIN = "BUNDLE_NOT_ON_CHAIN";

  private final SealedRecords records;
  private final HospitalGroups groups;
  private final DataHubAccess chain;

  public VerifyDeliveryHandler(SealedRecords records, HospitalGroups groups, DataHubAccess chain) {
    this.records = records;
    this.groups = groups;
    this.chain = chain;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String buyerId = task.requireString(PurchaseVariables.BUYER_ID);
    String bundleCid = task.requireString(PurchaseVariables.BUNDLE_CID);
    DataHubGateway dataHub = chain.as(buyerId);
    List<DeliveredRecord> delivered = DeliveryBundle.decode(records.open(bundleCid, buyerId));
    if (delivered.isEmpty() || !MessageDigest.isEqual(DeliveryCommitment.root(delivered),
        dataHub.purchase(PurchaseVariables.purchaseId(task)).bundleDigest())) {
      return TaskOutcome.complete(Map.of(PurchaseVariables.VERIFICATION_STATUS, BUNDLE_NOT_ON_CHAIN));
    }
    Map<Integer, String> problems = new LinkedHashMap<>();
    Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < delivered.size(); i++) {
      int index = i;
      checkRecord(dataHub, delivered.get(i)).ifPresent(problem -> problems.put(index, problem));
      byGroup.computeIfAbsent(delivered.get(i).hospitalGroupId(), group -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> group : byGroup.entrySet()) {
      verifySignatures(group.getKey(), group.getValue(), delivered, problems);
    }
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < delivered.size(); i++) {
      report.append("record ").append(i + 1).append(": ").append(problems.getOrDefault(i, "verified")).append('\n');
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(PurchaseVariables.VERIFICATION_STATUS, problems.isEmpty() ? ALL_VERIFIED : REJECTED);
    variables.put(PurchaseVariables.VERIFICATION_RESULTS, report.toString());
    variables.put(PurchaseVariables.REJECTED_RECORDS_COUNT, problems.size());
    variables.put(PurchaseVariables.DELIVERED_RECORDS_COUNT, delivered.size());
    return TaskOutcome.complete(variables);
  }

  private static Optional<String> checkRecord(DataHubGateway dataHub, DeliveredRecord record) throws Exception {
    byte[] root;
    try {
      root = RecordVariables.unhex(record.merkleRoot());
    } catch (IllegalArgumentException e) {
      return Optional.of(VerificationWords.MALFORMED);
    }
    if (root.length != 32 || dataHub.patientOf(root) == null) {
      return Optional.of(VerificationWords.NOT_ANCHORED);
    }
    // The local chain starts at block 0; a public node caps log ranges, so pass DataHub's deployment block there.
    Optional<AnchoredDigests> anchored = dataHub.anchoredDigests(root, BigInteger.ZERO);
    byte[] signatureDigest = RecordVariables.sha256(record.signature().getBytes(StandardCharsets.US_ASCII));
    if (anchored.isEmpty() || !MessageDigest.isEqual(anchored.get().signatureDigest(), signatureDigest)) {
      return Optional.of(VerificationWords.SIGNATURE_NOT_ANCHORED);
    }
    try {
      MerkleVerifier.verify(root, record.disclosure());
      return Optional.empty();
    } catch (ProofVerificationException e) {
      return Optional.of(VerificationWords.PROOF_INVALID);
    } catch (MalformedInputException e) {
      return Optional.of(VerificationWords.MALFORMED);
    }
  }

  private void verifySignatures(String groupId, List<Integer> indices, List<DeliveredRecord> delivered,
      Map<Integer, String> problems) throws Exception {
    GroupSignatureScheme scheme = groups.scheme();
    List<Signed> batch = new ArrayList<>();
    List<Integer> batchIndices = new ArrayList<>();
    for (int index : indices) {
      DeliveredRecord record = delivered.get(index);
      try {
        byte[] root = RecordVariables.unhex(record.merkleRoot());
        batch.add(new Signed(SignRootHandler.signedText(root, scheme.descriptor().name(), groupId),
            scheme.importSignature(record.signature())));
        batchIndices.add(index);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        problems.putIfAbsent(index, VerificationWords.MALFORMED);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      BatchVerification.verifyAll(scheme, groups.require(groupId).groupKey(), batch);
    } catch (BatchRejectedException e) {
      e.indices().forEach(i -> problems.put(batchIndices.get(i), VerificationWords.SIGNATURE_INVALID));
    }
  }
}
