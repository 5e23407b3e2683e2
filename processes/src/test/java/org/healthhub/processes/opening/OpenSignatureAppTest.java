package org.healthhub.processes.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.processes.AppScenario;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.opening.OpeningReport;
import org.healthhub.workers.record.RecordIndex;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * open-signature in the running app: the managers' shares come from where the demo group's
 * creation put them (their keyrings), the chain is the app's anvil with DataHub, the report is
 * read back through the app's {@link OpeningReports}.
 */
@SpringBootTest
@ActiveProfiles("test")
class OpenSignatureAppTest {

  private static final String GROUP = AppScenario.GROUP;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) throws IOException {
    EngineApp.freshDataDir(registry);
    registry.add("healthhub.chain.local.enabled", () -> "true");
    int port = freePort();
    registry.add("healthhub.chain.local.port", () -> Integer.toString(port));
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RecordIndex records;
  @Autowired MembershipList membershipList;
  @Autowired BlobStore blobStore;
  @Autowired OpeningReports reports;

  @Test
  void gmRequest_gmAndRmApprove_signatureValidAndReportNamesTheDoctor() throws Exception {
    AppScenario scenario = new AppScenario(runtimeService, taskService, historyService, identityService, blobStore);
    EngineApp.enrolApproved(identityService, runtimeService, taskService, historyService, "doctor", GROUP);
    RecordIndex.Entry record = records.find(scenario.storeRecord("doctor", "patient", "disputed diagnosis")).orElseThrow();
    scenario.addUser("gm2", "groupManagers");

    String opening = scenario.requestOpening("gm2", record);
    ApprovalDecisions.decide(identityService, taskService, opening, "UserTask_GmApproval", "groupmanager",
        Map.of("gmApproved", true));
    ApprovalDecisions.decide(identityService, taskService, opening, "UserTask_RmApproval",
        "revocationmanager", Map.of("rmApproved", true));
    EngineApp.awaitEnd(historyService, opening);

    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureValid")
        .hasVariable("openingVerdictStatus", "VALID").hasVariable("gmApproverId", "groupmanager")
        .hasVariable("rmApproverId", "revocationmanager");
    String doctorMemberId = membershipList.find(GROUP, "doctor").orElseThrow().entry();
    for (String manager : new String[] {"groupmanager", "revocationmanager"}) {
      ManagerRole role = manager.equals("groupmanager") ? ManagerRole.GROUP_MANAGER : ManagerRole.REVOCATION_MANAGER;
      OpeningReport report = reports.read(manager, role, scenario.variable(opening, "openingResultCid"),
          scenario.variable(opening, "signatureDigest"));
      assertThat(report.valid()).as("verdict read by %s", manager).isTrue();
      assertThat(report.memberId()).as("signer named to %s", manager).contains(doctorMemberId);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
