package org.healthhub.processes.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.healthhub.chain.LocalAnvil;
import org.healthhub.chain.OpeningView;
import org.healthhub.chain.PurchaseState;
import org.healthhub.chain.testing.AnvilExtension;
import org.healthhub.chain.testing.DataHubFixture;
import org.healthhub.chain.testing.TestBytes;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningResult;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.RetryPolicy;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.Topics;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.healthhub.workers.opening.CombineOpeningHandler;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.opening.OpeningGroups;
import org.healthhub.workers.opening.OpeningReport;
import org.healthhub.workers.opening.PartialOpeningHandler;
import org.healthhub.workers.opening.ShareSource;
import org.healthhub.workers.opening.ShareKeystore;
import org.healthhub.workers.purchase.DeliveredRecord;
import org.healthhub.workers.purchase.DeliveryCommitment;
import org.healthhub.workers.purchase.DisputedRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.test.Deployment;
import org.operaton.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * Every path of open-signature with the real handlers: real CPY06 group and shares in sealed
 * keystores, a real DataHub on anvil (disputes settled on chain), an embedded blob store.
 */
@ExtendWith(AnvilExtension.class)
@Deployment(resources = {"bpmn/open-signature.bpmn", "forms/open-signature-request.form",
    "forms/open-signature-gm-approval.form", "forms/open-signature-rm-approval.form"})
class OpenSignatureProcessTest {
  private static final BigInteger AMOUNT = BigInteger.valueOf(1_000_000_007);
  private static final char[] GM_PASSPHRASE = "gm-share-passphrase".toCharArray();
  private static final char[] RM_PASSPHRASE = "rm-share-passphrase".toCharArray();
  private static final Argon2idParameters CHEAP = new Argon2idParameters(Argon2idParameters.MIN_MEMORY_KIB, 1, 1);

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(OpeningTestEngine.inMemory()).build();

  @TempDir static Path dataDir;
  private static DataHubFixture chain;
  private static OpeningGroupFixture group;
  private static X25519KeyPair gmKey;
  private static X25519KeyPair rmKey;
  private static BlobStore store;
  private static ExternalTaskPoller poller;
  private static OpeningGroups groups;
  private static ManagerKeys managers;

  RuntimeService runtimeService;
  TaskService taskService;
  ExternalTaskService externalTaskService;
  HistoryService historyService;
  IdentityService identityService;

  @BeforeAll
  static void setUp(LocalAnvil anvil) throws Exception {
    chain = DataHubFixture.deploy(anvil);
    group = new OpeningGroupFixture();
    gmKey = X25519KeyPair.generate();
    rmKey = X25519KeyPair.generate();
    store = new EmbeddedBlobStore(dataDir.resolve("blobs"));
    Path gmShare = dataDir.resolve("gm-share.json");
    Path rmShare = dataDir.resolve("rm-share.json");
    ShareKeystore.write(gmShare, group.setup.keys().groupManagerShare(), GM_PASSPHRASE, CHEAP);
    ShareKeystore.write(rmShare, group.setup.keys().revocationManagerShare(), RM_PASSPHRASE, CHEAP);
    managers = new ManagerKeys(gmKey.publicKey(), rmKey.publicKey());
    HandlerResults results = new HandlerResults(dataDir.resolve("results"));
    groups = id -> group.group;
    Subscriptions subscriptions = Subscriptions.builder()
        .subscribe(Topics.OPENING_PARTIAL_GM, new PartialOpeningHandler(ManagerRole.GROUP_MANAGER,
            new ShareSource(gmShare, GM_PASSPHRASE), () -> chain.gateway(chain.groupManager), store, groups, managers, results))
        .subscribe(Topics.OPENING_PARTIAL_RM, new PartialOpeningHandler(ManagerRole.REVOCATION_MANAGER,
            new ShareSource(rmShare, RM_PASSPHRASE), () -> chain.gateway(chain.revocationManager), store, groups, managers,
            results))
        .subscribe(Topics.OPENING_COMBINE, new CombineOpeningHandler(() -> gmKey, () -> chain.gateway(chain.groupManager), store,
            groups, OpeningGroupFixture.SIGNED_TEXTS, managers, results))
        .build();
    poller = new ExternalTaskPoller(OpeningTestEngine.inMemory().getExternalTaskService(), subscriptions,
        new TaskRunner(new RetryPolicy(List.of(Duration.ZERO))), "opening-test", Duration.ofMinutes(1));
    OpeningTestEngine.createManagers();
  }

  @Test
  void dispute_bothApprove_signerIdentifiedAndPaidOnChain() throws Exception {
    ProtectedRecord record = OpeningGroupFixture.record();
    GroupSignature signature = group.sign(record.root());
    Dispute dispute = dispute(record, signature);

    bothManagersApprove(dispute.instance);

    ProcessAssertions.assertThat(historyService, dispute.instance).hasEndedAt("EndEvent_SignatureValid")
        .hasVariable("openingVerdictStatus", "VALID");
    assertThat(chain.gateway(chain.admin).purchase(dispute.purchaseId).state()).isEqualTo(PurchaseState.SETTLED);
    assertThat(chain.gateway(chain.admin).credits(chain.hospital.getAddress())).isPositive();
    OpeningView opening = chain.gateway(chain.admin).opening(dispute.purchaseId);
    assertThat(HexFormat.of().formatHex(opening.resultCommitment())).isEqualTo(variable(dispute.instance, "openingResultDigest"));
    assertThat(opening.groupManagerApprovalEpoch()).isPositive();
    assertThat(opening.revocationManagerApprovalEpoch()).isPositive();

    OpeningReport report = OpeningReport.read(store, variable(dispute.instance, "openingResultCid"), dispute.digest,
        ManagerRole.REVOCATION_MANAGER, rmKey);
    assertThat(report.valid()).isTrue();
    assertThat(report.memberId()).contains(group.doctorMemberId);
    DualControlOpener.verify(group.scheme, OpeningResult.fromBase64(report.result().orElseThrow()), signature,
        group.setup.groupKey(), group.setup.keys().commitments());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(dispute.instance.getId()).list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains(group.doctorMemberId));
  }

  @Test
  void combine_rerunAfterItsResultWasLost_sameCommitmentAndNothingSentTwice() throws Exception {
    ProtectedRecord record = OpeningGroupFixture.record();
    Dispute dispute = dispute(record, group.sign(record.root()));
    bothManagersApprove(dispute.instance);
    Map<String, Object> variables = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(dispute.instance.getId()).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));

    // A fresh results folder: the worker crashed after posting the verdict, before recording it.
    CombineOpeningHandler rerun = new CombineOpeningHandler(() -> gmKey, () -> chain.gateway(chain.groupManager), store, groups,
        OpeningGroupFixture.SIGNED_TEXTS, managers, new HandlerResults(dataDir.resolve("results-after-crash")));
    TaskOutcome outcome = rerun.handle(new TaskInput(Topics.OPENING_COMBINE, null, dispute.instance.getId(),
        "ServiceTask_CombineOpening", variables, 0));

    assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, completed -> {
      assertThat(completed.variables()).containsEntry("openingResultDigest", variables.get("openingResultDigest"));
      assertThat(completed.variables()).doesNotContainKey("verdictTxHash");
    });
    assertThat(chain.gateway(chain.admin).purchase(dispute.purchaseId).state()).isEqualTo(PurchaseState.SETTLED);
  }

  @Test
  void dispute_forgedSignature_verdictInvalidAndRefundedOnChain() throws Exception {
    // A real member's signature, but on other content than the root the delivery claims.
    Dispute dispute = dispute(OpeningGroupFixture.record(), group.sign(TestBytes.random32()));
    BigInteger buyerCredits = chain.gateway(chain.admin).credits(chain.buyer.getAddress());

    bothManagersApprove(dispute.instance);

    ProcessAssertions.assertThat(historyService, dispute.instance).hasEndedAt("EndEvent_SignatureInvalid")
        .hasVariable("openingVerdictStatus", "INVALID");
    assertThat(chain.gateway(chain.admin).purchase(dispute.purchaseId).state()).isEqualTo(PurchaseState.REFUNDED);
    assertThat(chain.gateway(chain.admin).credits(chain.buyer.getAddress())).isEqualTo(buyerCredits.add(AMOUNT));
    OpeningReport report = OpeningReport.read(store, variable(dispute.instance, "openingResultCid"), dispute.digest,
        ManagerRole.GROUP_MANAGER, gmKey);
    assertThat(report.valid()).isFalse();
    assertThat(report.reason()).contains("does not verify");
  }

  @Test
  void dispute_malformedSignature_verdictInvalidAndRefundedWithoutOpening() throws Exception {
    Dispute dispute = dispute(OpeningGroupFixture.record(), "not a group signature".getBytes(StandardCharsets.US_ASCII));

    bothManagersApprove(dispute.instance);

    ProcessAssertions.assertThat(historyService, dispute.instance).hasEndedAt("EndEvent_SignatureInvalid")
        .hasVariable("gmPartialOpeningStatus", "SIGNATURE_MALFORMED")
        .hasVariable("rmPartialOpeningStatus", "SIGNATURE_MALFORMED");
    assertThat(chain.gateway(chain.admin).purchase(dispute.purchaseId).state()).isEqualTo(PurchaseState.REFUNDED);
    OpeningReport report = OpeningReport.read(store, variable(dispute.instance, "openingResultCid"), dispute.digest,
        ManagerRole.REVOCATION_MANAGER, rmKey);
    assertThat(report.reason()).startsWith("the signature is malformed");
    assertThat(report.memberId()).isEmpty();
  }

  @ParameterizedTest(name = "{4} rejects")
  @CsvSource({
      "UserTask_GmApproval, alice, UserTask_RmApproval, carol, gm",
      "UserTask_RmApproval, carol, UserTask_GmApproval, alice, rm"})
  void dispute_managerRejects_endsRejectedWithNothingOpenedOrPosted(String rejectingTask, String rejecter,
      String approvingTask, String approver, String role) throws Exception {
    ProtectedRecord record = OpeningGroupFixture.record();
    Dispute dispute = dispute(record, group.sign(record.root()));

    approve(approvingTask, approver, dispute.instance);
    decide(rejectingTask, rejecter, dispute.instance, Map.of(role + "Approved", false,
        role + "RejectionReason", "no court order and no reason to doubt the record"));

    assertThat(drain()).isZero();
    ProcessAssertions.assertThat(historyService, dispute.instance).hasEndedAt("EndEvent_OpeningRejected");
    OpeningView opening = chain.gateway(chain.admin).opening(dispute.purchaseId);
    assertThat(opening.groupManagerApprovalEpoch()).isZero();
    assertThat(opening.revocationManagerApprovalEpoch()).isZero();
    assertThat(chain.gateway(chain.admin).purchase(dispute.purchaseId).state()).isEqualTo(PurchaseState.DISPUTED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(dispute.instance.getId())
        .variableNameLike("%PartialOpeningCid").count()).isZero();
  }

  @Test
  void approval_samePersonApprovesBoth_refusedAndTaskStays() throws Exception {
    ProtectedRecord record = OpeningGroupFixture.record();
    Dispute dispute = dispute(record, group.sign(record.root()));
    approve("UserTask_GmApproval", "dave", dispute.instance);

    assertThatThrownBy(() -> approve("UserTask_RmApproval", "dave", dispute.instance))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("cannot approve both");
    assertThat(task(dispute.instance, "UserTask_RmApproval")).isNotNull();
    assertThat(drain()).isZero();
  }

  @Test
  void approval_outsiderOfTheGroup_refused() throws Exception {
    ProtectedRecord record = OpeningGroupFixture.record();
    Dispute dispute = dispute(record, group.sign(record.root()));

    assertThatThrownBy(() -> approve("UserTask_RmApproval", "alice", dispute.instance))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("is not in revocationManagers");
  }

  @Test
  void gmRequest_requesterApprovesOwnRequest_refusedThenOthersOpenIt() throws Exception {
    byte[] root = TestBytes.random32();
    GroupSignature signature = group.sign(root);
    Map<String, Object> variables = signatureVariables(root, OpeningGroupFixture.exported(signature));
    variables.put("openingReason", "a court order names this record");
    ProcessInstance instance = startAs("alice", variables);

    assertThatThrownBy(() -> approve("UserTask_GmApproval", "alice", instance))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("asked for this opening");
    approve("UserTask_GmApproval", "bob", instance);
    approve("UserTask_RmApproval", "carol", instance);

    assertThat(drain()).isEqualTo(3);
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_SignatureValid")
        .hasVariable("openingRequester", "alice").hasVariable("gmApproverId", "bob");
    OpeningReport report = OpeningReport.read(store, variable(instance, "openingResultCid"),
        OpeningGroupFixture.digestOf(OpeningGroupFixture.exported(signature)), ManagerRole.GROUP_MANAGER, gmKey);
    assertThat(report.memberId()).contains(group.doctorMemberId);
  }

  @Test
  void gmRequest_byNonManagerOrWithoutReason_refused() throws Exception {
    byte[] root = TestBytes.random32();
    Map<String, Object> variables = signatureVariables(root, OpeningGroupFixture.exported(group.sign(root)));
    variables.put("openingReason", "curiosity");

    assertThatThrownBy(() -> startAs("carol", variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("carol is not a Group Manager");
    variables.remove("openingReason");
    assertThatThrownBy(() -> startAs("alice", variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("needs an 'openingReason'");
  }

  private ProcessInstance startAs(String user, Map<String, Object> variables) {
    identityService.setAuthenticatedUserId(user);
    try {
      return runtimeService.startProcessInstanceByKey("open-signature", variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private record Dispute(ProcessInstance instance, byte[] purchaseId, String digest) {}

  /** A delivered purchase disputed on chain by the buyer, and the flow the purchase flow would start for it. */
  private Dispute dispute(ProtectedRecord record, GroupSignature signature) throws Exception {
    return dispute(record, OpeningGroupFixture.exported(signature));
  }

  /** The hospital delivers the one record, commits to it on chain; the buyer disputes it, sealing it to the managers. */
  private Dispute dispute(ProtectedRecord record, byte[] exportedSignature) throws Exception {
    List<DeliveredRecord> delivered = List.of(OpeningGroupFixture.delivered(record, exportedSignature));
    byte[] salt = TestBytes.random32();
    long now = chain.anvil.now();
    var buyer = chain.gateway(chain.buyer);
    buyer.requestPurchase(salt, TestBytes.random32(), AMOUNT, now + 600, now + 1200);
    byte[] purchaseId = buyer.purchaseIdOf(chain.buyer.getAddress(), salt);
    var hospital = chain.gateway(chain.hospital);
    hospital.replyPurchase(purchaseId, 2_000);
    hospital.deliverPurchase(purchaseId, DeliveryCommitment.root(delivered),
        chain.patients.stream().map(p -> p.getAddress()).toList());
    String digest = OpeningGroupFixture.digestOf(exportedSignature);
    buyer.disputeDelivery(purchaseId, HexFormat.of().parseHex(digest));

    byte[] sealed = DisputedRecord.of(delivered, 0).sealTo(managers, purchaseId, HexFormat.of().parseHex(digest));
    Map<String, Object> variables = signatureVariables(record.root(), exportedSignature);
    variables.put("disputedRecordCid", store.put(new ByteArrayInputStream(sealed)).cid().toString());
    variables.put("purchaseId", "0x" + HexFormat.of().formatHex(purchaseId));
    variables.put("openingRequester", "bea");
    ProcessInstance instance = runtimeService.createMessageCorrelation("signature-disputed")
        .setVariables(variables).correlateStartMessage();
    return new Dispute(instance, purchaseId, digest);
  }

  private Map<String, Object> signatureVariables(byte[] root, byte[] exportedSignature) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("hospitalGroupId", OpeningGroupFixture.GROUP_ID);
    variables.put("signatureCid", store.put(new ByteArrayInputStream(exportedSignature)).cid().toString());
    variables.put("signatureDigest", OpeningGroupFixture.digestOf(exportedSignature));
    variables.put("signedRoot", HexFormat.of().formatHex(root));
    return variables;
  }

  /** alice (GM) and carol (RM) approve; the three workers run. */
  private void bothManagersApprove(ProcessInstance instance) {
    approve("UserTask_GmApproval", "alice", instance);
    approve("UserTask_RmApproval", "carol", instance);
    assertThat(drain()).isEqualTo(3);
  }

  private void approve(String taskKey, String user, ProcessInstance instance) {
    String prefix = taskKey.equals("UserTask_GmApproval") ? "gm" : "rm";
    decide(taskKey, user, instance, Map.of(prefix + "Approved", true));
  }

  private void decide(String taskKey, String user, ProcessInstance instance, Map<String, Object> decision) {
    ApprovalDecisions.decide(identityService, taskService, instance.getId(), taskKey, user, decision);
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private String variable(ProcessInstance instance, String name) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  /** Runs the workers and the join's async continuation until nothing is left; counts the external tasks run. */
  private static int drain() {
    ManagementService management = OpeningTestEngine.inMemory().getManagementService();
    int handled = 0;
    boolean progressed = true;
    while (progressed) {
      int fetched = poller.pollOnce(1, Runnable::run);
      handled += fetched;
      List<Job> jobs = management.createJobQuery().executable().list();
      jobs.forEach(job -> management.executeJob(job.getId()));
      progressed = fetched > 0 || !jobs.isEmpty();
    }
    return handled;
  }
}
