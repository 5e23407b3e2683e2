package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthhub.processes.EngineApp;
import org.healthhub.processes.ProcessAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine app on the postgres profile creates its schema and runs enrol-doctor to the end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class PostgresEngineTest {

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
    registry.add("HEALTHHUB_DB_URL", POSTGRES::jdbcUrl);
    registry.add("HEALTHHUB_DB_USER", POSTGRES::user);
    registry.add("HEALTHHUB_DB_PASSWORD", POSTGRES::password);
    // The cached context closes at JVM exit, after the extension stopped the server: fail its last
    // connection attempts fast instead of waiting Hikari's 30 s default until surefire kills the JVM.
    registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @Test
  void enrolDoctor_onPostgres_runsToTheEnd() throws Exception {
    String instance = EngineApp.enrolApproved(identityService, runtimeService, taskService, historyService, "doctor", "st-mary");

    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_DoctorEnrolled");
    assertThat(POSTGRES.count("SELECT count(*) FROM act_hi_procinst WHERE end_act_id_ = 'EndEvent_DoctorEnrolled'"))
        .as("the history is in PostgreSQL, not in an H2 file").isEqualTo(1);
  }
}
