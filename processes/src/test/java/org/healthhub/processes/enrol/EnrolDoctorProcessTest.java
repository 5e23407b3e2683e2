package org.healthhub.processes.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.RetryPolicy;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.Topics;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.workers.enrol.FileMembershipList;
import org.healthhub.workers.enrol.GroupSignatureMembership;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.JoinChannel;
import org.healthhub.workers.enrol.JoinMessage;
import org.healthhub.workers.enrol.JoinStepHandler;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.test.Deployment;
import org.operaton.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * Every path of enrol-doctor, driven through the real join handlers by the in-process poller: a
 * real CPY06 group under dual control, keys in (cheap) keystores, join messages sealed in a blob store.
 */
@Deployment(resources = {"bpmn/enrol-doctor.bpmn", "forms/enrol-doctor-request.form", "forms/enrol-doctor-approval.form"})
class EnrolDoctorProcessTest {

  private static final String GROUP = "st-mary";
  private static final String DOCTOR = "doctor1";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(TestEngine.inMemory()).build();

  RuntimeService runtimeService;
  TaskService taskService;
  ExternalTaskService externalTaskService;
  HistoryService historyService;
  IdentityService identityService;

  @TempDir Path dataDir;

  private Keyring keyring;
  private HospitalGroups groups;
  private GroupSignatureMembership membership;
  private JoinChannel channel;

  @BeforeEach
  void createGroup() throws Exception {
    keyring = TestKeyrings.of(dataDir.resolve("keystores"), "groupmanager", "revocationmanager", DOCTOR);
    groups = new HospitalGroups(dataDir.resolve("hospital-groups"), new Cpy06(), keyring);
    groups.createIfAbsent(GROUP, "groupmanager", "revocationmanager");
    membership = new GroupSignatureMembership(groups, keyring);
    channel = new JoinChannel(new EmbeddedBlobStore(dataDir.resolve("blobs")), keyring);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void enrol_approved_doctorJoinsAndIsListed() throws Exception {
    MembershipList list = new FileMembershipList(dataDir.resolve("groups"));
    ProcessInstance instance = requestEnrolment();
    Task approval = approvalTask(instance);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("UserTask_GmApproval");
    assertThat(approval.getOperatonFormRef().getKey()).isEqualTo("enrol-doctor-approval");
    assertThat(taskService.getIdentityLinksForTask(approval.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("groupManagers"));

    taskService.complete(approval.getId(), Map.of("approved", true));
    int handled = drain(poller(list, List.of(Duration.ZERO)));

    assertThat(handled).isEqualTo(4);
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_DoctorEnrolled").hasPassedInOrder(
        "UserTask_GmApproval", "ServiceTask_ManagerJoinStep", "ServiceTask_MemberJoinStep",
        "ServiceTask_ManagerJoinStep", "ServiceTask_MemberJoinStep", "EndEvent_DoctorEnrolled");
    assertThat(list.find(GROUP, DOCTOR)).isPresent();
    assertThat(membership.memberKey(GROUP, DOCTOR)).isPresent();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(variable -> variable.getName())
        .doesNotContain("joinMessage").contains("joinMessageCid");
  }

  @Test
  void enrol_rejectedWithReason_endsRejectedWithoutJoin() throws IOException {
    MembershipList list = new FileMembershipList(dataDir.resolve("groups"));
    ProcessInstance instance = requestEnrolment();

    taskService.complete(approvalTask(instance).getId(),
        Map.of("approved", false, "rejectionReason", "not on the hospital's staff list"));

    assertThat(drain(poller(list, List.of(Duration.ZERO)))).isZero();
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RequestRejected")
        .hasVariable("rejectionReason", "not on the hospital's staff list");
    assertThat(list.members(GROUP)).isEmpty();
  }

  @Test
  void enrol_rejectedWithoutReason_completionRefusedAndTaskStays() {
    ProcessInstance instance = requestEnrolment();
    Task approval = approvalTask(instance);

    assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approved", false)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("a rejected enrolment needs a 'rejectionReason'");
    assertThat(approvalTask(instance).getTaskDefinitionKey()).isEqualTo("UserTask_GmApproval");
  }

  @Test
  void enrol_forgedCommitment_endsJoinRejected() throws Exception {
    MembershipList list = new FileMembershipList(dataDir.resolve("groups"));
    ExternalTaskPoller poller = poller(list, List.of(Duration.ZERO));
    ProcessInstance instance = requestEnrolment();
    taskService.complete(approvalTask(instance).getId(), Map.of("approved", true));
    assertThat(poller.pollOnce(1, Runnable::run)).isEqualTo(1);
    assertThat(poller.pollOnce(1, Runnable::run)).isEqualTo(1);

    String forged = channel.send(JoinMessage.of("{\"status\": \"success\", \"phase\": 2}".getBytes()),
        "groupmanager", GROUP, DOCTOR, 1);
    runtimeService.setVariable(instance.getId(), "joinMessageCid", forged);
    drain(poller);

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_JoinRejected");
    assertThat((String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("joinRejectionReason").singleResult().getValue())
        .startsWith("the member's commitment does not verify");
    assertThat(list.find(GROUP, DOCTOR)).isEmpty();
  }

  @Test
  void enrol_membershipListUnwritable_retriesWithBackoffThenIncident() throws IOException {
    Path notADirectory = Files.writeString(dataDir.resolve("groups"), "a file where the list's folder belongs");
    ExternalTaskPoller poller = poller(new FileMembershipList(notADirectory),
        List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    ProcessInstance instance = requestEnrolment();
    taskService.complete(approvalTask(instance).getId(), Map.of("approved", true));
    assertThat(poller.pollOnce(1, Runnable::run) + poller.pollOnce(1, Runnable::run)).isEqualTo(2);

    assertThat(poller.pollOnce(1, Runnable::run)).as("first failure").isEqualTo(1);
    assertThat(poller.pollOnce(1, Runnable::run)).as("locked for the 5 s backoff").isZero();
    advanceClock(Duration.ofSeconds(5));
    assertThat(poller.pollOnce(1, Runnable::run)).as("second failure").isEqualTo(1);
    advanceClock(Duration.ofSeconds(29));
    assertThat(poller.pollOnce(1, Runnable::run)).as("locked for the 30 s backoff").isZero();
    advanceClock(Duration.ofSeconds(1));
    assertThat(poller.pollOnce(1, Runnable::run)).as("third and last failure").isEqualTo(1);
    advanceClock(Duration.ofHours(1));
    assertThat(poller.pollOnce(1, Runnable::run)).as("no retries left").isZero();

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_ManagerJoinStep");
    assertThat(incident.getIncidentMessage()).startsWith("groupsig.join-manager failed: ").contains("groups");
    assertThat(externalTaskService.createExternalTaskQuery().processInstanceId(instance.getId()).singleResult().getRetries())
        .isZero();
  }

  private ProcessInstance requestEnrolment() {
    identityService.setAuthenticatedUserId(DOCTOR);
    try {
      return runtimeService.startProcessInstanceByKey("enrol-doctor", Map.of("hospitalGroupId", GROUP));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task approvalTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
  }

  private ExternalTaskPoller poller(MembershipList list, List<Duration> backoffs) {
    HandlerResults results = new HandlerResults(dataDir.resolve("results"));
    Subscriptions subscriptions = Subscriptions.builder()
        .subscribe(Topics.GROUPSIG_JOIN_MANAGER,
            JoinStepHandler.manager(membership, channel, groups, list, results, Clock.systemUTC()))
        .subscribe(Topics.GROUPSIG_JOIN_MEMBER, JoinStepHandler.member(membership, channel, groups, results))
        .build();
    return new ExternalTaskPoller(externalTaskService, subscriptions, new TaskRunner(new RetryPolicy(backoffs)),
        "process-test", Duration.ofMinutes(1));
  }

  private static int drain(ExternalTaskPoller poller) {
    int handled = 0;
    for (int fetched = poller.pollOnce(1, Runnable::run); fetched > 0; fetched = poller.pollOnce(1, Runnable::run)) {
      handled += fetched;
    }
    return handled;
  }

  private static void advanceClock(Duration by) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
  }
}
