package org.healthhub.workers.opening;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.healthhub.chain.DataHubGateway;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningShare;
import org.healthhub.crypto.groupsig.opening.PartialOpening;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * One manager's step of open-signature ({@code opening.partial-gm}, {@code opening.partial-rm}),
 * run after that manager approved: posts the approval on chain from the manager's own account
 * (disputes only), reads the manager's share where it is kept, computes the partial opening
 * with its proof and stores it sealed to both managers. Holds nothing of the other manager's.
 */
public final class PartialOpeningHandler implements TaskHandler {
  static final String OPENED = "OPENED";
  static final String SIGNATURE_MALFORMED = "SIGNATURE_MALFORMED";


  private final ManagerRole role;
  private final OpeningShares shares;
  private final ManagerChain chain;
  private final BlobStore store;
  private final OpeningGroups groups;
  private final ManagerKeys managers;
  private final HandlerResults results;

  public PartialOpeningHandler(ManagerRole role, OpeningShares shares, ManagerChain chain, BlobStore store,
      OpeningGroups groups, ManagerKeys managers, HandlerResults results) {
    this.role = role;
    this.shares = shares;
    this.chain = chain;
    this.store = store;
    this.groups = groups;
    this.managers = managers;
    this.results = results;
  }

  /** The context a partial opening is sealed under: the role and the signature it opens. */
  static String sealingContext(ManagerRole role, String signatureDigest) {
    return "healthhub/opening/partial/" + role.label() + "/" + signatureDigest;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    return TaskOutcome.complete(results.once(task.resultKey(role.label()), () -> {
      String groupId = task.requireString(OpeningVariables.GROUP_ID);
      OpeningGroup group = groups.group(groupId);
      DataHubGateway chain = this.chain.gateway();
      DisputedSignature disputed = DisputedSignature.fetch(task, store, chain);
      Map<String, Object> variables = new HashMap<>();
      Optional<byte[]> purchase = OpeningVariables.purchaseId(task);
      if (purchase.isPresent()) {
        chain.approveOpening(purchase.get()).receipt()
            .ifPresent(receipt -> variables.put(OpeningVariables.approvalTx(role.label()), receipt.getTransactionHash()));
      }
      GroupSignature signature;
      try {
        signature = disputed.parse(group.scheme());
      } catch (MalformedInputException e) {
        // Nothing to open; the approval stands so the combiner can still settle the dispute as invalid.
        variables.put(OpeningVariables.partialStatus(role.label()), SIGNATURE_MALFORMED);
        return variables;
      }
      OpeningShare share = shares.share(groupId, group.scheme().descriptor().name(), role);
      PartialOpening partial = DualControlOpener.partialOpen(group.scheme(), group.groupKey(), group.commitments(),
          share, signature, RandomScalars.secure());
      byte[] sealed = ManagersBox.seal(partial.toBase64().getBytes(StandardCharsets.US_ASCII), managers,
          sealingContext(role, partial.signatureDigest()));
      variables.put(OpeningVariables.partialCid(role.label()), store.put(new ByteArrayInputStream(sealed)).cid().toString());
      variables.put(OpeningVariables.partialStatus(role.label()), OPENED);
      return variables;
    }));
  }
}
