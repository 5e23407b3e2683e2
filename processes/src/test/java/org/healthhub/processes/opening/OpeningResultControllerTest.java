package org.healthhub.processes.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.processes.api.ApiAuthentication;
import org.healthhub.workers.enrol.MemberEntry;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.keys.TestKeyrings;
import org.healthhub.workers.opening.OpeningReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Who may read an opening result through the engine app. The report here is a stand-in reader's
 * answer: opening the real sealed report is covered by {@link OpenSignatureProcessTest}.
 */
class OpeningResultControllerTest {
  private static final String CID = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
  private static final String DIGEST = "ab".repeat(32);
  private static ProcessEngine engine;
  private static String withResult;

  @BeforeAll
  static void openingWithAResult() {
    engine = OpeningTestEngine.inMemory();
    OpeningTestEngine.createManagers();
    engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/open-signature.bpmn").deploy();
    ProcessInstance instance = engine.getRuntimeService().createMessageCorrelation("signature-disputed")
        .setVariables(Map.of("openingRequester", "bea", "signatureDigest", DIGEST, "hospitalGroupId", "st-mary"))
        .correlateStartMessage();
    engine.getRuntimeService().setVariable(instance.getId(), "openingResultCid", CID);
    withResult = instance.getId();
  }

  @Test
  void result_noSession_unauthorized() throws Exception {
    assertThat(controller(reader()).result(withResult, new MockHttpServletRequest()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void result_signedInNonManager_forbidden() throws Exception {
    assertThat(controller(reader()).result(withResult, signedIn("bea")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void result_revocationManager_readsWithOwnRoleAndSignerByUser() throws Exception {
    ResponseEntity<Object> response = controller(reader()).result(withResult, signedIn("carol"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).isEqualTo(
        new OpeningResultController.Result(true, "read by carol as REVOCATION_MANAGER", "m1", "dave", "r"));
  }

  @Test
  void result_unknownInstance_notFound() throws Exception {
    assertThat(controller(reader()).result("no-such-instance", signedIn("alice")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void result_noKeysWired_unavailable() throws Exception {
    assertThat(controller(null).result(withResult, signedIn("alice")).getStatusCode())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Test
  void result_managerWithoutKeyShare_forbiddenWithReason() throws Exception {
    OpeningReports noShare = (user, role, cid, digest) -> {
      throw new NoKeyShareException(user + " holds no " + role + " key share here");
    };

    ResponseEntity<Object> response = controller(noShare).result(withResult, signedIn("alice"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).asString().contains("alice holds no GROUP_MANAGER key share");
  }

  @Test
  void keyringReports_managerWithoutKeystore_refusesWithNoKeyShare(@TempDir Path keystores) {
    KeyringOpeningReports reports = new KeyringOpeningReports(null, TestKeyrings.of(keystores, "alice"));

    assertThatThrownBy(() -> reports.read("gm2", ManagerRole.GROUP_MANAGER, CID, DIGEST))
        .isInstanceOf(NoKeyShareException.class).hasMessageContaining("gm2 holds no GROUP_MANAGER key share");
  }

  private static OpeningReports reader() {
    return (user, role, cid, digest) -> {
      assertThat(cid).isEqualTo(CID);
      assertThat(digest).isEqualTo(DIGEST);
      return new OpeningReport(digest, true, "read by " + user + " as " + role, java.util.Optional.of("m1"),
          java.util.Optional.of("r"));
    };
  }

  private static OpeningResultController controller(OpeningReports reports) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (reports != null) {
      beans.addBean("openingReports", reports);
    }
    return new OpeningResultController(engine, beans.getBeanProvider(OpeningReports.class), MEMBERS);
  }

  /** The group's list: dave was admitted with entry m1. */
  private static final MembershipList MEMBERS = new MembershipList() {
    private final List<MemberEntry> members = List.of(new MemberEntry("st-mary", "dave", "m1", Instant.EPOCH));

    @Override
    public void add(MemberEntry member) {
      throw new UnsupportedOperationException("read-only list");
    }

    @Override
    public Optional<MemberEntry> find(String groupId, String memberId) {
      return members.stream().filter(m -> m.groupId().equals(groupId) && m.memberId().equals(memberId)).findFirst();
    }

    @Override
    public List<MemberEntry> members(String groupId) {
      return members.stream().filter(m -> m.groupId().equals(groupId)).toList();
    }
  };

  /** As the security chain hands a signed-in user (Basic or webapp session) to the controller. */
  private static MockHttpServletRequest signedIn(String user) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(ApiAuthentication.USER, user);
    return request;
  }
}
