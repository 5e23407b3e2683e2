package org.healthhub.processes.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.storage.Cid;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.healthhub.workers.record.RecordReader.OpenedRecord;
import org.healthhub.workers.record.ShareIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * Every path of share-record with the real handlers, on a record stored by the real store-record
 * flow: read through the decrypting reader, expiry by timer (before and after reading), revocation
 * by message, a record of someone else, a grant the chain refuses, and a chain outage to incident.
 */
class ShareRecordProcessTest {

  private static final String DIAGNOSIS = "Shared marker diagnosis 5e1b";

  private static RecordFlowFixture fixture;
  private static RuntimeService runtimeService;
  private static TaskService taskService;
  private static HistoryService historyService;
  private static ManagementService managementService;
  private static IdentityService identityService;
  private static String recordId;
  private static String root;

  @BeforeAll
  static void storeARecord() throws Exception {
    fixture = new RecordFlowFixture("share-record-tests");
    fixture.enrol("doctor");
    fixture.engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/store-record.bpmn").addClasspathResource("bpmn/share-record.bpmn")
        .addClasspathResource("forms/store-record-start.form").addClasspathResource("forms/store-record-fix.form")
        .addClasspathResource("forms/share-record-start.form").addClasspathResource("forms/share-record-read.form")
        .deploy();
    runtimeService = fixture.engine.getRuntimeService();
    taskService = fixture.engine.getTaskService();
    historyService = fixture.engine.getHistoryService();
    managementService = fixture.engine.getManagementService();
    identityService = fixture.engine.getIdentityService();
    Map<String, Object> form = new HashMap<>(Map.of("patientId", "patient", "hospitalGroupId", RecordFlowFixture.GROUP,
        "form_patient", "Share Patient", "form_date", "2026-11-20", "form_category", "neurology", "form_age", 63,
        "form_gender", "male", "form_diagnosis", DIAGNOSIS, "form_hospital", "St Mary"));
    ProcessInstance stored = start("doctor", "store-record", form);
    RecordFlowFixture.drain(poller());
    ProcessAssertions.assertThat(historyService, stored).hasEndedAt("EndEvent_RecordStored");
    recordId = historic(stored.getId(), "recordId");
    root = historic(stored.getId(), "merkleRoot");
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
  void share_readThenExpiry_doctorReadsVerifiedRecordThenWrapRemoved() throws Exception {
    // doctor2 has no other share in this class, so "cannot read any more" is about this share alone.
    ProcessInstance share = share("patient", "doctor2", Duration.ofHours(1));
    RecordFlowFixture.drain(poller());

    Task read = taskService.createTaskQuery().processInstanceId(share.getId()).singleResult();
    assertThat(read.getTaskDefinitionKey()).isEqualTo("UserTask_ReadSharedRecord");
    assertThat(read.getAssignee()).isEqualTo("doctor2");
    OpenedRecord opened = fixture.reader().read(recordId, "doctor2");
    assertThat(opened.fhirJson()).contains(DIAGNOSIS);
    assertThat(opened.signatureValid()).isTrue();
    assertThat(opened.merkleRootValid()).isTrue();
    assertThat(opened.anchoredForPatient()).isTrue();
    assertThat(opened.shareActiveOnChain()).isTrue();
    taskService.complete(read.getId());

    expireTimer(share, Duration.ofHours(1).plusSeconds(1));
    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, share).hasEndedAt("EndEvent_ShareExpired").hasPassedInOrder(
        "ServiceTask_WrapKeyForDoctor", "ServiceTask_GrantOnChain", "UserTask_ReadSharedRecord",
        "EventBasedGateway_AwaitShareEnd", "TimerEvent_ShareExpires", "ServiceTask_RemoveWrapOnExpiry",
        "EndEvent_ShareExpired");
    ShareIndex.Share ended = fixture.shares.find(historic(share.getId(), "shareId")).orElseThrow();
    assertThat(ended.status()).isEqualTo("EXPIRED");
    assertThat(fixture.store.exists(Cid.parse(ended.sharedRecordCid()))).as("unpinned").isFalse();
    assertThatThrownBy(() -> fixture.reader().read(recordId, "doctor2")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void share_unreadAtExpiry_timerOnTheTaskEndsIt() throws Exception {
    ProcessInstance share = share("patient", "doctor", Duration.ofHours(2));
    RecordFlowFixture.drain(poller());

    expireTimer(share, Duration.ofHours(2).plusSeconds(1));
    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, share).hasEndedAt("EndEvent_ShareExpired");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(share.getId())
        .activityId("BoundaryEvent_ExpiresWhileUnread").count()).isEqualTo(1);
  }

  @Test
  void share_revoked_wrapRemovedAndRevocationOnChain() throws Exception {
    ProcessInstance share = share("patient", "doctor", Duration.ofDays(1));
    RecordFlowFixture.drain(poller());
    String shareId = historic(share.getId(), "shareId");
    assertThat(fixture.dataHub.as("patient").hasShare(HexFormat.of().parseHex(root), fixture.dataHub.addressOf("doctor")))
        .isTrue();

    runtimeService.createMessageCorrelation("RevokeShare").processInstanceVariableEquals("shareId", shareId).correlate();
    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, share).hasEndedAt("EndEvent_ShareRevoked");
    assertThat(historic(share.getId(), "revokeTxHash")).startsWith("0x");
    assertThat(fixture.dataHub.as("patient").hasShare(HexFormat.of().parseHex(root), fixture.dataHub.addressOf("doctor")))
        .isFalse();
    assertThat(fixture.shares.find(shareId).orElseThrow().status()).isEqualTo("REVOKED");
  }

  @Test
  void share_someoneElsesRecord_endsNotRecordOwner() {
    ProcessInstance share = share("patient2", "doctor", Duration.ofDays(1));

    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, share).hasEndedAt("EndEvent_NotRecordOwner");
  }

  @Test
  void share_expiryAlreadyPast_chainRefusesAndWrapIsRemoved() throws Exception {
    ProcessInstance share = share("patient", "doctor", Duration.ofHours(-1));

    RecordFlowFixture.drain(poller());

    ProcessAssertions.assertThat(historyService, share).hasEndedAt("EndEvent_GrantRefused")
        .hasVariable("shareError", "DataHub refused the grant: ExpiryNotInFuture");
    assertThat(fixture.shares.find(historic(share.getId(), "shareId")).orElseThrow().status()).isEqualTo("REFUSED");
  }

  @Test
  void share_chainUnreachable_retriesThenIncident() throws Exception {
    ProcessInstance share = share("patient", "doctor", Duration.ofDays(1));
    ExternalTaskPoller down = fixture.poller(fixture.allHandlers(fixture.unreachableChain()).build(), List.of(Duration.ZERO));

    RecordFlowFixture.drain(down);

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(share.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_GrantOnChain");
    assertThat(incident.getIncidentMessage()).startsWith("chain.share failed: ");
  }

  private static void expireTimer(ProcessInstance share, Duration after) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(after)));
    Job timer = managementService.createJobQuery().processInstanceId(share.getId()).timers().executable().singleResult();
    managementService.executeJob(timer.getId());
  }

  private static ProcessInstance share(String patient, String doctor, Duration validFor) {
    return start(patient, "share-record", Map.of("recordId", recordId, "doctorId", doctor,
        "shareExpiresAt", Instant.now().plus(validFor).toString()));
  }

  private static ProcessInstance start(String user, String process, Map<String, Object> variables) {
    identityService.setAuthenticatedUserId(user);
    try {
      return runtimeService.startProcessInstanceByKey(process, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static ExternalTaskPoller poller() {
    return fixture.poller(fixture.allHandlers(fixture.dataHub).build(), List.of(Duration.ZERO));
  }

  private static String historic(String processInstanceId, String name) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).singleResult().getValue();
  }
}
