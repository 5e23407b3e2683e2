package org.healthhub.processes.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.storage.Cid;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.healthhub.workers.record.AnchorRecordHandler;
import org.healthhub.workers.record.SignRootHandler;
import org.healthhub.workers.record.RecordIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * Every path of store-record with the real handlers: real CPY06 signatures, real envelopes, the
 * embedded blob store and DataHub on anvil. After each run the engine's tables are scanned for the
 * record's plaintext.
 */
class StoreRecordProcessTest {

  private static final String DIAGNOSIS = "Marker diagnosis 7f3a9c";
  private static final String PATIENT_NAME = "Marker Patient 91c2e4";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RecordFlowFixture fixture;
  private static RuntimeService runtimeService;
  private static TaskService taskService;
  private static HistoryService historyService;
  private static IdentityService identityService;

  @BeforeAll
  static void start() throws Exception {
    fixture = new RecordFlowFixture("store-record-tests");
    fixture.enrol("doctor");
    Deployment deployment = fixture.engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/store-record.bpmn")
        .addClasspathResource("forms/store-record-start.form")
        .addClasspathResource("forms/store-record-fix.form")
        .deploy();
    assertThat(deployment.getId()).isNotNull();
    runtimeService = fixture.engine.getRuntimeService();
    taskService = fixture.engine.getTaskService();
    historyService = fixture.engine.getHistoryService();
    identityService = fixture.engine.getIdentityService();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void store_validForm_signedEncryptedStoredAnchoredAndNoPlaintextInTheEngine() throws Exception {
    ProcessInstance instance = submit("doctor", form("2026-11-20"));

    assertThat(RecordFlowFixture.drain(poller())).isEqualTo(7);

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RecordStored").hasPassedInOrder(
        "ServiceTask_ValidateRecord", "ServiceTask_BuildMerkleTree", "ServiceTask_GroupSignRoot",
        "ServiceTask_VerifySignature", "ServiceTask_EncryptForPatient", "ServiceTask_StoreRecord",
        "ServiceTask_AnchorRecord", "EndEvent_RecordStored");
    String recordId = variable(instance, "recordId");
    String root = variable(instance, "merkleRoot");
    RecordIndex.Entry entry = fixture.index.find(recordId).orElseThrow();
    assertThat(entry.patientId()).isEqualTo("patient");
    assertThat(entry.anchorTxHash()).isEqualTo(variable(instance, "anchorTxHash")).startsWith("0x");
    assertThat(fixture.dataHub.as("patient").patientOf(HexFormat.of().parseHex(root)))
        .isEqualToIgnoringCase(fixture.dataHub.addressOf("patient"));
    assertThat(fixture.store.exists(Cid.parse(entry.recordCid()))).isTrue();
    JsonNode payload = JSON.readTree(fixture.records.open(entry.recordCid(), "patient"));
    assertThat(payload.get("fhir").asText()).contains(DIAGNOSIS).contains(PATIENT_NAME);
    assertThat(fixture.records.envelope(entry.recordCid()).wraps()).containsOnlyKeys("patient");
    assertThat(fixture.keyring.readSecret("doctor", "record." + recordId + ".fhir")).as("doctor's working copy").isEmpty();
    assertThat(fixture.keyring.readSecret("doctor", "record." + recordId + ".secret")).as("doctor's record secret").isEmpty();
    assertThat(fixture.store.exists(Cid.parse(variable(instance, "intakeCid")))).as("intake pinned").isFalse();
    assertThat(EngineTableScan.find(fixture.engine, DIAGNOSIS)).isEmpty();
    assertThat(EngineTableScan.find(fixture.engine, PATIENT_NAME)).isEmpty();
    assertThat(EngineTableScan.find(fixture.engine, HexFormat.of().formatHex(
        fixture.keyring.keysOf("patient").wrapping().privateKey().copySecret()))).isEmpty();
  }

  @Test
  void store_submittedAsStartForm_likeTasklist_noPlaintextInTheEngine() throws Exception {
    String definition = fixture.engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("store-record").latestVersion().singleResult().getId();
    identityService.setAuthenticatedUserId("doctor");
    ProcessInstance instance;
    try {
      instance = fixture.engine.getFormService().submitStartForm(definition, form("2026-11-18"));
    } finally {
      identityService.clearAuthentication();
    }

    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RecordStored");
    assertThat(EngineTableScan.find(fixture.engine, DIAGNOSIS)).isEmpty();
    assertThat(EngineTableScan.find(fixture.engine, PATIENT_NAME)).isEmpty();
  }

  @Test
  void scan_plantedValue_isFound() throws Exception {
    identityService.setAuthenticatedUserId("doctor");
    ProcessInstance instance;
    try {
      Map<String, Object> variables = form("2026-11-21");
      variables.put("plantedProbe", "planted " + DIAGNOSIS);
      instance = runtimeService.startProcessInstanceByKey("store-record", variables);
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(EngineTableScan.find(fixture.engine, DIAGNOSIS)).contains("ACT_RU_VARIABLE.TEXT_", "ACT_HI_VARINST.TEXT_");
    runtimeService.deleteProcessInstance(instance.getId(), "probe done");
    historyService.deleteHistoricProcessInstance(instance.getId());
    assertThat(EngineTableScan.find(fixture.engine, DIAGNOSIS)).isEmpty();
  }

  @Test
  void store_invalidDate_fixTaskShowsPathsThenCorrectedRecordIsStored() throws Exception {
    ProcessInstance instance = submit("doctor", form("20th of November"));
    ExternalTaskPoller poller = poller();
    RecordFlowFixture.drain(poller);

    Task fix = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(fix.getTaskDefinitionKey()).isEqualTo("UserTask_FixRecord");
    assertThat(fix.getAssignee()).isEqualTo("doctor");
    String errors = (String) runtimeService.getVariable(instance.getId(), "validationErrors");
    assertThat(errors).startsWith("invalid record at: ").doesNotContain("20th of November");

    taskService.complete(fix.getId(), form("2026-11-20"));
    RecordFlowFixture.drain(poller);

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RecordStored");
    assertThat(EngineTableScan.find(fixture.engine, "20th of November")).isEmpty();
    assertThat(EngineTableScan.find(fixture.engine, DIAGNOSIS)).isEmpty();
  }

  @Test
  void store_labResultsNotJson_startRefusedWithoutQuotingTheRecord() throws Exception {
    Map<String, Object> variables = form("2026-11-20");
    variables.put("form_labResults", "troponin " + DIAGNOSIS);

    assertThatThrownBy(() -> submit("doctor", variables))
        .hasMessageContaining("form_labResults is not a JSON list")
        .satisfies(refused -> assertThat(refused.toString()).doesNotContain(DIAGNOSIS));
    assertThat(EngineTableScan.find(fixture.engine, DIAGNOSIS)).isEmpty();
  }

  @Test
  void store_doctorWithoutMemberKey_endsNotAMember() throws Exception {
    ProcessInstance instance = submit("outsider", form("2026-11-20"));

    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_NotAMember")
        .hasVariable("signingError", "outsider is not a member of st-mary");
  }

  @Test
  void store_signatureDigestTampered_endsSignatureInvalid() throws Exception {
    ProcessInstance instance = submit("doctor", form("2026-11-20"));
    ExternalTaskPoller poller = poller();
    for (int task = 0; task < 3; task++) {
      assertThat(poller.pollOnce(1, Runnable::run)).isEqualTo(1);
    }

    runtimeService.setVariable(instance.getId(), "signatureDigest", "00".repeat(32));
    RecordFlowFixture.drain(poller);

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_SignatureInvalid")
        .hasVariable("verificationError", "the stored signature does not match its digest");
  }

  @Test
  void store_chainUnreachable_retriesWithBackoffThenIncident() throws Exception {
    ProcessInstance instance = submit("doctor", form("2026-11-20"));
    ExternalTaskPoller poller = fixture.poller(fixture.allHandlers(fixture.unreachableChain()).build(),
        List.of(Duration.ofSeconds(5)));
    for (int task = 0; task < 6; task++) {
      assertThat(poller.pollOnce(1, Runnable::run)).isEqualTo(1);
    }

    assertThat(poller.pollOnce(1, Runnable::run)).as("first failure").isEqualTo(1);
    assertThat(poller.pollOnce(1, Runnable::run)).as("locked for the 5 s backoff").isZero();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 5_000));
    assertThat(poller.pollOnce(1, Runnable::run)).as("second and last failure").isEqualTo(1);

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_AnchorRecord");
    assertThat(incident.getIncidentMessage()).startsWith("chain.anchor failed: ");
  }

  @Test
  void sign_deliveredTwice_signsOnce() throws Exception {
    SignRootHandler sign = new SignRootHandler(fixture.membership, fixture.groups, fixture.store,
        new HandlerResults(fixture.dataDir.resolve("results")));
    TaskInput task = new TaskInput("record.sign", null, "pi-sign-twice", "ServiceTask_GroupSignRoot", Map.of(
        "hospitalGroupId", RecordFlowFixture.GROUP, "doctorId", "doctor", "merkleRoot", "ab".repeat(32)), null);

    TaskOutcome first = sign.handle(task);
    TaskOutcome second = sign.handle(task);

    // A second signature would differ (CPY06 signs with fresh randomness): equal outcomes mean one signature.
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anchor_deliveredAgainAfterItsResultWasLost_sendsNoSecondTransaction() throws Exception {
    ProcessInstance instance = submit("doctor", form("2026-11-19"));
    RecordFlowFixture.drain(poller());
    Map<String, Object> variables = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    long nonce = hospitalNonce();
    AnchorRecordHandler anchor = new AnchorRecordHandler(fixture.dataHub, "hospital", fixture.index,
        new HandlerResults(fixture.dataDir.resolve("lost-results")), java.time.Clock.systemUTC());

    TaskOutcome again = anchor.handle(new TaskInput("chain.anchor", null, instance.getId(), "ServiceTask_AnchorRecord",
        variables, null));

    assertThat(again).isEqualTo(TaskOutcome.complete(Map.of("anchorStatus", "MINED")));
    assertThat(hospitalNonce()).isEqualTo(nonce);
    assertThat(fixture.index.find((String) variables.get("recordId")).orElseThrow().anchorTxHash())
        .isEqualTo(variables.get("anchorTxHash"));
  }

  private static long hospitalNonce() throws Exception {
    return fixture.dataHub.connectionOf("hospital").web3j().ethGetTransactionCount(fixture.dataHub.addressOf("hospital"),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getTransactionCount().longValueExact();
  }

  private ExternalTaskPoller poller() {
    return fixture.poller(fixture.allHandlers(fixture.dataHub).build(), List.of(Duration.ZERO));
  }

  private static ProcessInstance submit(String doctor, Map<String, Object> variables) {
    identityService.setAuthenticatedUserId(doctor);
    try {
      return runtimeService.startProcessInstanceByKey("store-record", variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> form(String date) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("patientId", "patient");
    variables.put("hospitalGroupId", RecordFlowFixture.GROUP);
    variables.put("form_patient", PATIENT_NAME);
    variables.put("form_date", date);
    variables.put("form_category", "cardiology");
    variables.put("form_age", 47);
    variables.put("form_gender", "female");
    variables.put("form_location", "Springfield");
    variables.put("form_diagnosis", DIAGNOSIS);
    variables.put("form_treatment", "rest");
    variables.put("form_medications", "aspirin\nbisoprolol");
    variables.put("form_labResults", "[{\"name\":\"troponin\",\"value\":\"0.02\",\"unit\":\"ng/mL\"}]");
    variables.put("form_notes", "follow up in two weeks");
    variables.put("form_hospital", "St Mary");
    return variables;
  }

  private static String variable(ProcessInstance instance, String name) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
