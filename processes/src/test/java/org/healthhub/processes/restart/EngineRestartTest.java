package org.healthhub.processes.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.processes.AppScenario;
import org.healthhub.processes.opening.ApprovalDecisions;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.Topics;
import org.healthhub.workers.record.RecordIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.operaton.bpm.engine.identity.User;

/**
 * Issue 10: the embedded default (H2 file, anvil state file, handler state under one data
 * directory) restarted in the middle of every flow type; each flow resumes where it stood and
 * completes. The middle is made deterministic: before the restart the app serves only the first
 * topics of the flow, so the flow waits at an open task of the next one. The restart is an
 * orderly stop and start of the app on the same directory; killed nodes are the cluster tests'.
 * One more flow type is one more line in {@link #flows()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestartTest {

  private static final String GROUP = "st-mary";
  /** Only guards against a hang: the first FHIR validation alone took 40 s on this machine under load. */
  private static final long PATIENCE_MILLIS = 300_000;
  private static final Map<String, String> EXTRA_USERS = Map.of("doctor2", "test-keystore-doctor2",
      "doctor3", "test-keystore-doctor3", "gm2", "test-keystore-gm2");

  @TempDir static Path dataDir;
  private int chainPort;
  private String storedRecordId;

  Stream<Named<RestartCase>> flows() {
    return Stream.of(
        Named.of("enrol-doctor", new RestartCase(List.of(Topics.GROUPSIG_JOIN_MANAGER), Topics.GROUPSIG_JOIN_MEMBER,
            app -> enrolment(app, "doctor2"), RestartCase.AfterRestart.nothing(), "EndEvent_DoctorEnrolled")),
        Named.of("store-record", new RestartCase(List.of(Topics.RECORD_VALIDATE, Topics.RECORD_MERKLE, Topics.RECORD_SIGN),
            Topics.RECORD_VERIFY, app -> app.startAs("doctor", "store-record", form()), RestartCase.AfterRestart.nothing(),
            "EndEvent_RecordStored")),
        Named.of("share-record", new RestartCase(List.of(Topics.RECORD_WRAP_KEY), Topics.CHAIN_SHARE, this::share,
            EngineRestartTest::revoke, "EndEvent_ShareRevoked")),
        Named.of("open-signature", new RestartCase(List.of(Topics.OPENING_PARTIAL_GM), Topics.OPENING_PARTIAL_RM,
            this::opening, RestartCase.AfterRestart.nothing(), "EndEvent_SignatureValid")));
  }

  @BeforeAll
  void enrolAndStoreOneRecord() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      chainPort = socket.getLocalPort();
    }
    try (RunningApp app = start(List.of())) {
      addUser(app, "doctor2", "doctors");
      addUser(app, "doctor3", "doctors");
      addUser(app, "gm2", "groupManagers");
      awaitEnd(app, enrolment(app, "doctor"));
      String stored = app.startAs("doctor", "store-record", form());
      awaitEnd(app, stored);
      storedRecordId = (String) app.history().createHistoricVariableInstanceQuery().processInstanceId(stored)
          .variableName("recordId").singleResult().getValue();
    }
  }

  @ParameterizedTest
  @MethodSource("flows")
  void restart_inTheMiddleOfTheFlow_flowResumesAndCompletes(RestartCase flow) throws Exception {
    String instance;
    try (RunningApp before = start(flow.topicsBeforeRestart())) {
      instance = flow.start().run(before);
      awaitOpenTask(before, instance, flow.waitingTopic());
      assertThat(before.history().createHistoricExternalTaskLogQuery().processInstanceId(instance).successLog().count())
          .as("work done before the restart").isPositive();
      assertThat(before.history().createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
          .as("still in the middle").isZero();
    }

    try (RunningApp after = start(List.of())) {
      flow.afterRestart().run(after, instance);
      awaitEnd(after, instance);
      ProcessAssertions.assertThat(after.history(), instance).hasEndedAt(flow.endEventId());
    }
  }

  private RunningApp start(List<String> topics) {
    return RunningApp.start(dataDir, chainPort, topics, EXTRA_USERS);
  }

  private static String enrolment(RunningApp app, String doctor) {
    String instance = EngineApp.requestEnrolment(app.identity(), app.runtime(), doctor, GROUP);
    app.tasks().complete(app.tasks().createTaskQuery().processInstanceId(instance).singleResult().getId(),
        Map.of("approved", true));
    return instance;
  }

  private String share(RunningApp app) {
    return app.startAs("patient", "share-record", Map.of("recordId", storedRecordId, "doctorId", "doctor3",
        "shareExpiresAt", Instant.now().plusSeconds(3600).toString()));
  }

  /** The patient revokes the share once the doctor may read (what POST /api/shares/{id}/revoke correlates). */
  private static void revoke(RunningApp app, String instance) throws Exception {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (app.tasks().createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_ReadSharedRecord").count() == 0) {
      assertThat(System.currentTimeMillis()).as("the grant is in force").isLessThan(deadline);
      Thread.sleep(100);
    }
    app.runtime().createMessageCorrelation("RevokeShare").processInstanceId(instance).correlate();
  }

  private String opening(RunningApp app) throws Exception {
    String instance = new AppScenario(app.runtime(), app.tasks(), app.history(), app.identity(), app.bean(BlobStore.class))
        .requestOpening("gm2", app.bean(RecordIndex.class).find(storedRecordId).orElseThrow());
    ApprovalDecisions.decide(app.identity(), app.tasks(), instance, "UserTask_GmApproval", "groupmanager",
        Map.of("gmApproved", true));
    ApprovalDecisions.decide(app.identity(), app.tasks(), instance, "UserTask_RmApproval", "revocationmanager",
        Map.of("rmApproved", true));
    return instance;
  }

  /** Waits until the flow's only open external tasks are of {@code topic}: what the served topics could do is done. */
  private static void awaitOpenTask(RunningApp app, String instance, String topic) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (true) {
      List<String> open = app.externalTasks().createExternalTaskQuery().processInstanceId(instance).list().stream()
          .map(org.operaton.bpm.engine.externaltask.ExternalTask::getTopicName).toList();
      if (!open.isEmpty() && open.stream().allMatch(topic::equals)) {
        return;
      }
      assertThat(System.currentTimeMillis()).as("the flow waits at its %s task only", topic).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static void awaitEnd(RunningApp app, String instance) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (app.history().createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 0) {
      assertThat(System.currentTimeMillis()).as("the flow ends after the restart").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static void addUser(RunningApp app, String id, String group) {
    User user = app.identity().newUser(id);
    user.setPassword(id + "-password");
    app.identity().saveUser(user);
    app.identity().createMembership(id, group);
  }

  private static Map<String, Object> form() {
    return AppScenario.recordForm("patient", "Restart Patient", "restart diagnosis");
  }
}
