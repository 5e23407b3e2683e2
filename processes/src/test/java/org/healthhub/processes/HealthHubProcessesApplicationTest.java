package org.healthhub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.healthhub.processes.workers.ExternalTaskWakeUp;
import org.healthhub.workers.launch.InProcessLauncher;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default boots on H2, deploys the flows and forms, creates the demo users and runs the workers in-process. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HealthHubProcessesApplicationTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @Test
  void engineRest_processDefinitions_listsEnrolDoctor() {
    JsonNode definitions = EngineApp.as(rest, "admin").getForObject("/engine-rest/process-definition?key=enrol-doctor", JsonNode.class);

    assertThat(definitions).hasSize(1);
    assertThat(definitions.get(0).get("historyTimeToLive").asInt()).isEqualTo(180);
  }

  @Test
  void engineRest_startForm_servesDeployedFormJson() {
    ResponseEntity<JsonNode> response = EngineApp.as(rest, "doctor")
        .getForEntity("/engine-rest/process-definition/key/enrol-doctor/deployed-start-form", JsonNode.class);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    JsonNode form = response.getBody();

    assertThat(form.get("id").asText()).isEqualTo("enrol-doctor-request");
    assertThat(form.get("components").findValuesAsText("key")).contains("hospitalGroupId");
  }

  @Test
  void enrolDoctor_approvedThroughRest_inProcessWorkersEnrolTheDoctor() throws InterruptedException {
    String instance = EngineApp.requestEnrolment(identityService, runtimeService, "doctor", "st-mary");
    String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

    TestRestTemplate manager = EngineApp.as(rest, "groupmanager");
    JsonNode form = manager.getForObject("/engine-rest/task/" + taskId + "/deployed-form", JsonNode.class);
    assertThat(form.get("id").asText()).isEqualTo("enrol-doctor-approval");
    manager.postForEntity("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))), Void.class);
    EngineApp.awaitEnd(historyService, instance);

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_DoctorEnrolled");
    TestRestTemplate doctor = EngineApp.as(rest, "doctor");
    JsonNode members = doctor.getForObject("/api/groups/st-mary/members", JsonNode.class);
    assertThat(members.findValuesAsText("memberId")).containsExactly("doctor");
    assertThat(members.findValuesAsText("groupMemberId")).singleElement().asString().matches("[0-9a-f]{64}");
    assertThat(doctor.getForObject("/api/groups/memberships/me", JsonNode.class).findValuesAsText("groupId"))
        .containsExactly("st-mary");
    assertThat(rest.getForEntity("/api/groups/memberships/me", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(rest.getForEntity("/api/records", String.class).getStatusCode().value()).isEqualTo(401);
    // A wrong password locks the user for a moment (the engine's throttling): not a user the other tests log in as.
    assertThat(rest.withBasicAuth("hospital", "wrong").getForEntity("/api/shares", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(context.getBeansOfType(InProcessLauncher.class)).hasSize(1);
  }

  @Test
  void inProcessWorkers_embeddedDefault_engineWakesTheLauncherThroughItsPlugin() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    // Spring's starter wraps every plugin bean in one composite.
    assertThat(configuration.getProcessEnginePlugins().stream().flatMap(plugin -> plugin instanceof
        CompositeProcessEnginePlugin composite ? composite.getPlugins().stream() : Stream.of(plugin)))
        .contains(context.getBean(ExternalTaskWakeUp.class));
  }

  @Test
  void openApi_describesTheHealthHubApi() {
    assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
    JsonNode docs = EngineApp.as(rest, "doctor").getForObject("/v3/api-docs", JsonNode.class);

    assertThat(docs.path("paths").has("/api/records")).isTrue();
    assertThat(docs.path("paths").has("/api/records/{recordId}/content")).isTrue();
    assertThat(docs.path("paths").has("/api/shares")).isTrue();
    assertThat(docs.path("paths").has("/api/groups/memberships/me")).isTrue();
  }

  @Test
  void demoUsers_firstStart_oneUserPerRoleInItsGroup() {
    assertThat(identityService.checkPassword("doctor", EngineApp.passwordOf("doctor"))).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("groupManagers").singleResult().getId())
        .isEqualTo("groupmanager");
    assertThat(identityService.createUserQuery().memberOfGroup("operaton-admin").singleResult().getId())
        .isEqualTo("admin");
    assertThat(identityService.createUserQuery().memberOfGroup("workers").singleResult().getId()).isEqualTo("worker");
    assertThat(identityService.createUserQuery().count()).isEqualTo(8);
  }
}
