package org.healthhub.processes.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.AppScenario;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.Topics;
import org.healthhub.workers.config.StandaloneWorkerApplication;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.MissingKeystoreException;
import org.healthhub.workers.record.RecordIndex;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricExternalTaskLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The standalone worker app started the way a revocation authority runs it on its own machine:
 * with the RM's keystore passphrase and no other. It serves the RM's partial opening against the
 * engine app (which serves every other topic) and refuses to start when asked for a GM topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RevocationManagerWorkerTest {

  private static int chainPort;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) throws IOException {
    EngineApp.freshDataDir(registry);
    registry.add("healthhub.chain.local.enabled", () -> "true");
    chainPort = freePort();
    registry.add("healthhub.chain.local.port", () -> Integer.toString(chainPort));
    List<String> appTopics = new ArrayList<>();
    for (var field : Topics.class.getFields()) {
      try {
        appTopics.add((String) field.get(null));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    appTopics.remove(Topics.OPENING_PARTIAL_RM);
    registry.add("healthhub.workers.topics", () -> String.join(",", appTopics));
  }

  @LocalServerPort int port;
  @Value("${healthhub.data-dir}") Path dataDir;
  @Value("${healthhub.keystores.passphrases.revocationmanager}") String rmPassphrase;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RecordIndex records;
  @Autowired BlobStore blobStore;

  @Test
  void rmOnlyWorker_asksForAGmTopic_refusesToStartNamingTheKeystore() {
    assertThatThrownBy(() -> startRmWorker(Topics.OPENING_PARTIAL_RM + "," + Topics.OPENING_PARTIAL_GM).close())
        .rootCause()
        .isInstanceOf(MissingKeystoreException.class)
        .hasMessageContaining("[opening.partial-gm]")
        .hasMessageContaining("healthhub.keystores.passphrases.groupmanager");
  }

  @Test
  void rmOnlyWorker_servesTheRmPartialOpening_openingEndsValid() throws Exception {
    AppScenario scenario = new AppScenario(runtimeService, taskService, historyService, identityService, blobStore);
    EngineApp.enrolApproved(identityService, runtimeService, taskService, historyService, "doctor", AppScenario.GROUP);
    RecordIndex.Entry record = records.find(scenario.storeRecord("doctor", "patient", "disputed diagnosis")).orElseThrow();
    scenario.addUser("gm2", "groupManagers");
    String opening = scenario.requestOpening("gm2", record);
    ApprovalDecisions.decide(identityService, taskService, opening, "UserTask_GmApproval", "groupmanager",
        Map.of("gmApproved", true));
    ApprovalDecisions.decide(identityService, taskService, opening, "UserTask_RmApproval", "revocationmanager",
        Map.of("rmApproved", true));

    try (ConfigurableApplicationContext worker = startRmWorker(Topics.OPENING_PARTIAL_RM)) {
      Keyring rmKeyring = worker.getBean(Keyring.class);
      assertThat(rmKeyring.holds("revocationmanager")).isTrue();
      assertThat(rmKeyring.holds("groupmanager")).isFalse();
      EngineApp.awaitEnd(historyService, opening);
    }

    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureValid");
    List<HistoricExternalTaskLog> rmRuns = historyService.createHistoricExternalTaskLogQuery().processInstanceId(opening)
        .topicName(Topics.OPENING_PARTIAL_RM).successLog().list();
    assertThat(rmRuns).extracting(HistoricExternalTaskLog::getWorkerId).containsExactly("rm-worker");
  }

  /**
   * The worker app with the RM's passphrase only. The engine app's classpath is this test's, so its
   * application.properties and its engine, REST and webapp auto-configurations are switched off:
   * the worker's own jar has none of them.
   */
  private ConfigurableApplicationContext startRmWorker(String topics) {
    return new SpringApplicationBuilder(StandaloneWorkerApplication.class).web(WebApplicationType.NONE).run(
        "--spring.config.location=optional:file:" + dataDir.resolve("no-config") + "/",
        "--operaton.bpm.enabled=false",
        "--spring.autoconfigure.exclude=org.operaton.bpm.spring.boot.starter.rest.OperatonBpmRestJerseyAutoConfiguration,"
            + "org.operaton.bpm.spring.boot.starter.webapp.OperatonBpmWebappAutoConfiguration",
        "--spring.main.banner-mode=off",
        "--healthhub.data-dir=" + dataDir,
        "--healthhub.chain.rpc-url=http://127.0.0.1:" + chainPort,
        "--healthhub.keystores.passphrases.revocationmanager=" + rmPassphrase,
        "--healthhub.workers.engine-rest-url=http://localhost:" + port + "/engine-rest",
        "--healthhub.workers.topics=" + topics,
        "--healthhub.workers.worker-id=rm-worker",
        "--healthhub.workers.long-poll=1s",
        "--healthhub.workers.backoffs=1s",
        // The engine's worker account, for when /engine-rest asks for a login (feat/security).
        "--healthhub.workers.engine.user=worker",
        "--healthhub.workers.engine.password=test-worker-password");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
