package org.healthhub.workers.opening;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningResult;
import org.healthhub.crypto.groupsig.opening.PartialOpening;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * {@code opening.combine}: checks both managers' partial openings, names the signer in the
 * membership list, decides the verdict and posts a commitment to the report with the verdict on
 * chain (disputes only; the contract then pays or refunds). Runs as the Group Manager: the contract
 * takes the verdict from the GM's account, and the GM's X25519 key opens the sealed partials.
 *
 * <p>Valid means: the group signature verifies on the signed root, a listed member made it, and, in
 * a dispute, the disputed record's disclosed fields lead to that root. A dispute is judged on the
 * record the hospital delivered ({@link JudgedContent}): one that shows no such record is unfounded,
 * the delivery stands, and nothing is opened. A malformed signature is invalid without any opening
 * (both approvals are on chain all the same).
 * A proof that does not hold is not a verdict but a fault (a manager's worker misbehaved): it
 * fails the task, retries end in an incident for a person to look at.
 */
public final class CombineOpeningHandler implements TaskHandler {
  public static final String VALID = "VALID";
  public static final String INVALID = "INVALID";
  private static final String NOT_ON_ROOT = "the group signature does not verify on the signed root";
  private static final String FIELDS_ASTRAY = "its fields do not lead to the signed root";

  private final ManagerWrappingKey groupManagerKey;
  private final ManagerChain chain;
  private final BlobStore store;
  private final OpeningGroups groups;
  private final SignedTexts signedTexts;
  private final ManagerKeys managers;
  private final HandlerResults results;

  public CombineOpeningHandler(ManagerWrappingKey groupManagerKey, ManagerChain chain, BlobStore store,
      OpeningGroups groups, SignedTexts signedTexts, ManagerKeys managers, HandlerResults results) {
    this.groupManagerKey = groupManagerKey;
    this.chain = chain;
    this.store = store;
    this.groups = groups;
    this.signedTexts = signedTexts;
    this.managers = managers;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    return TaskOutcome.complete(results.once(task.resultKey("combine"), () -> {
      String groupId = task.requireString(OpeningVariables.GROUP_ID);
      OpeningGroup group = groups.group(groupId);
      DataHubGateway chain = this.chain.gateway();
      DisputedSignature disputed = DisputedSignature.fetch(task, store, chain);
      OpeningReport report = judge(task, groupId, group, disputed, chain);
      byte[] document = report.toCanonicalJson();
      byte[] commitment = MessageDigest.getInstance("SHA-256").digest(document);
      byte[] sealed = ManagersBox.seal(document, managers, OpeningReport.sealingContext(report.signatureDigest()));
      Map<String, Object> variables = new HashMap<>();
      variables.put(OpeningVariables.RESULT_CID, store.put(new ByteArrayInputStream(sealed)).cid().toString());
      variables.put(OpeningVariables.RESULT_DIGEST, HexFormat.of().formatHex(commitment));
      variables.put(OpeningVariables.VERDICT, report.valid() ? VALID : INVALID);
      Optional<byte[]> purchase = OpeningVariables.purchaseId(task);
      if (purchase.isPresent()) {
        chain.resolveDispute(purchase.get(), commitment, report.valid()).receipt()
            .ifPresent(receipt -> variables.put(OpeningVariables.VERDICT_TX, receipt.getTransactionHash()));
      }
      return variables;
    }));
  }

  private OpeningReport judge(TaskInput task, String groupId, OpeningGroup group, DisputedSignature disputed,
      DataHubGateway chain) throws Exception {
    JudgedContent content = JudgedContent.of(task, store, groupManagerKey, chain);
    if (content.unfounded().isPresent()) {
      return new OpeningReport(OpeningVariables.signatureDigestHex(task), true,
          "the dispute is unfounded, the delivery stands: " + content.unfounded().get(), Optional.empty(), Optional.empty());
    }
    GroupSignature signature;
    try {
      signature = disputed.parse(group.scheme());
    } catch (MalformedInputException e) {
      return new OpeningReport(OpeningVariables.signatureDigestHex(task), false,
          "the signature is malformed: " + e.getMessage(), Optional.empty(), Optional.empty());
    }
    PartialOpening gm = partial(task, ManagerRole.GROUP_MANAGER);
    PartialOpening rm = partial(task, ManagerRole.REVOCATION_MANAGER);
    boolean genuine = content.root().isPresent() && verifies(group, groupId, signature, content.root().get());
    String digest = gm.signatureDigest();
    OpeningResult result;
    try {
      result = DualControlOpener.combine(group.scheme(), group.groupKey(), group.commitments(), signature, group.gml().read(),
          gm, rm);
    } catch (SignerNotFoundException e) {
      return new OpeningReport(digest, false, genuine ? "the signature verifies but no listed member made it"
          : NOT_ON_ROOT, Optional.empty(), Optional.empty());
    }
    DualControlOpener.verify(group.scheme(), result, signature, group.groupKey(), group.commitments());
    return new OpeningReport(digest, genuine && content.fieldsLeadToRoot(), reason(genuine, content.fieldsLeadToRoot()),
        Optional.of(result.memberId()), Optional.of(result.toBase64()));
  }

  private boolean verifies(OpeningGroup group, String groupId, GroupSignature signature, byte[] root)
      throws GeneralSecurityException {
    try {
      group.scheme().verify(signedTexts.signedText(root, group.scheme().descriptor().name(), groupId), signature,
          group.groupKey());
      return true;
    } catch (InvalidSignatureException e) {
      return false;
    }
  }

  private static String reason(boolean genuine, boolean fieldsLead) {
    if (!genuine) {
      return NOT_ON_ROOT + " (the signer named made it for other content)"
          + (fieldsLead ? "" : "; " + FIELDS_ASTRAY);
    }
    return fieldsLead ? "the group signature verifies and its signer is a listed member"
        : FIELDS_ASTRAY + " (the signature on that root is genuine, its signer named)";
  }

  private PartialOpening partial(TaskInput task, ManagerRole role) throws Exception {
    byte[] sealed;
    try (InputStream in = store.get(Cid.parse(task.requireString(OpeningVariables.partialCid(role.label()))))) {
      sealed = in.readAllBytes();
    }
    byte[] opened = ManagersBox.open(sealed, ManagerRole.GROUP_MANAGER, groupManagerKey.open(),
        PartialOpeningHandler.sealingContext(role, OpeningVariables.signatureDigestHex(task)));
    return PartialOpening.fromBase64(new String(opened, StandardCharsets.US_ASCII));
  }
}
