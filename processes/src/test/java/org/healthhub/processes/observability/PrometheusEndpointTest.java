package org.healthhub.processes.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthhub.processes.EngineApp;
import org.healthhub.workers.Topics;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** After a flow ran, the Prometheus endpoint serves its handler and flow meters. */
// Spring Boot tests keep only an in-memory registry unless asked for the real exporters.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PrometheusEndpointTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @Test
  void prometheus_afterEnrolment_servesHandlerFlowAndStorageMeters() throws InterruptedException {
    EngineApp.enrolApproved(identityService, runtimeService, taskService, historyService, "doctor", "st-mary");

    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(EngineApp.as(rest, "doctor").getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(403);
    String scrape = EngineApp.as(rest, "admin").getForObject("/actuator/prometheus", String.class);

    assertThat(scrape)
        .contains("healthhub_handler_seconds_count{outcome=\"completed\",topic=\"" + Topics.GROUPSIG_JOIN_MANAGER + "\"}")
        .contains("healthhub_handler_seconds_count{outcome=\"completed\",topic=\"" + Topics.GROUPSIG_JOIN_MEMBER + "\"}")
        .contains("healthhub_flow_seconds_count{end=\"EndEvent_DoctorEnrolled\",flow=\"enrol-doctor\"} 1")
        .contains("healthhub_handler_seconds_bucket{")
        // the join messages travel sealed through the blob store
        .contains("healthhub_storage_seconds_count{operation=\"put\",outcome=\"ok\"}");
  }

  @Test
  void health_liveness_isUp() {
    assertThat(rest.getForObject("/actuator/health/liveness", String.class)).contains("\"UP\"");
  }
}
