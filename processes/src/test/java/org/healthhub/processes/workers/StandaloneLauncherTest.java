package org.healthhub.processes.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.launch.EngineCredentials;
import org.healthhub.workers.launch.InProcessLauncher;
import org.healthhub.workers.launch.StandaloneLauncher;
import org.healthhub.workers.launch.WorkerProperties;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With in-process workers off, the same handlers run from the standalone launcher over the app's REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "healthhub.workers.in-process=false")
@ActiveProfiles("test")
class StandaloneLauncherTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Subscriptions subscriptions;
  @Autowired TaskRunner runner;
  @Autowired MembershipList membershipList;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ExternalTaskService externalTaskService;

  @Test
  void enrolDoctor_inProcessOff_onlyTheStandaloneLauncherRunsTheJoin() throws Exception {
    assertThat(context.getBeansOfType(InProcessLauncher.class)).isEmpty();
    String instance = EngineApp.requestEnrolment(identityService, runtimeService, "doctor", "st-mary");
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
        Map.of("approved", true));
    assertThat(externalTaskService.createExternalTaskQuery().processInstanceId(instance).locked().count())
        .as("no in-process worker has locked the first join step").isZero();

    try (StandaloneLauncher launcher = StandaloneLauncher.start(subscriptions, runner, standaloneProperties(),
        new EngineCredentials("worker", EngineApp.passwordOf("worker")))) {
      EngineApp.awaitEnd(historyService, instance);
    }

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_DoctorEnrolled");
    assertThat(membershipList.find("st-mary", "doctor")).isPresent();
  }

  private WorkerProperties standaloneProperties() {
    return new WorkerProperties(false, 2, Duration.ofSeconds(30), Duration.ofMillis(50), List.of(Duration.ofSeconds(1)),
        "http://localhost:" + port + "/engine-rest", Duration.ofSeconds(1), "standalone-test", List.of());
  }
}
