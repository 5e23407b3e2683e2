package org.healthhub.processes.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what, over real HTTP against the running app: no login is 401, the wrong user is
 * 403 or 404 through both {@code /api} and {@code /engine-rest}, the right user passes. Record
 * reads across patients and doctors are in the end-to-end test, which has real records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossAccessTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @BeforeEach
  void secondUsers() {
    addUser("patient2", "patients");
    addUser("buyer2", "buyers");
    addUser("bothmanager", "groupManagers", "revocationManagers");
  }

  @Test
  void everyEndpoint_noLogin_unauthorized() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment",
        "/api/records", "/api/shares", "/api/groups/st-mary/members", "/api/groups/memberships/me",
        "/api/openings/any/result", "/actuator/prometheus", "/v3/api-docs", "/swagger-ui.html")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    assertThat(rest.postForEntity("/engine-rest/process-definition/key/enrol-doctor/start", Map.of(), String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void engineRest_wrongPassword_unauthorized() {
    // A wrong password locks the user for a moment (the engine's throttling), so a user no other test logs in as.
    addUser("lockme", "patients");
    assertThat(rest.withBasicAuth("lockme", "not-the-password").getForEntity("/engine-rest/task", String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(rest.withBasicAuth("nobody", "x").getForEntity("/api/records", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void startableFlows_eachRole_onlyItsOwn() {
    assertThat(startable("doctor")).containsExactlyInAnyOrder("enrol-doctor", "store-record");
    assertThat(startable("patient")).containsExactly("share-record");
    assertThat(startable("groupmanager")).containsExactly("open-signature");
    assertThat(startable("revocationmanager")).containsExactly("open-signature");
    assertThat(startable("buyer")).containsExactly("purchase-data");
    assertThat(startable("hospital")).isEmpty();
  }

  @Test
  void startFlow_notTheirs_forbidden() {
    Map<String, String> notTheirs = Map.of("patient", "store-record", "doctor", "share-record",
        "buyer", "open-signature", "hospital", "enrol-doctor", "groupmanager", "store-record");
    notTheirs.forEach((user, flow) -> {
      ResponseEntity<JsonNode> response = start(user, flow, Map.of());
      assertThat(response.getStatusCode().value()).as("%s starts %s", user, flow).isIn(403, 404);
    });
  }

  @Test
  void shareRecord_patientNamingAnotherPatient_forbidden() {
    ResponseEntity<JsonNode> response = start("patient2", "share-record", Map.of(
        "patientId", string("patient"), "recordId", string("r1"), "doctorId", string("doctor"),
        "shareExpiresAt", string("2030-01-01T00:00:00Z")));

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getBody().get("message").asText()).contains("naming another user");
  }

  @Test
  void approvalTask_otherRoles_cannotSeeOrCompleteIt_managerCan() {
    String instance = start("doctor", "enrol-doctor", Map.of("hospitalGroupId", string("st-mary")))
        .getBody().get("id").asText();
    String task = EngineApp.as(rest, "groupmanager").getForObject("/engine-rest/task?processInstanceId=" + instance,
        JsonNode.class).get(0).get("id").asText();

    for (String outsider : List.of("doctor", "patient", "buyer")) {
      assertThat(EngineApp.as(rest, outsider).getForObject("/engine-rest/task", JsonNode.class)
          .findValuesAsText("id")).as(outsider).doesNotContain(task);
      assertThat(EngineApp.as(rest, outsider).getForEntity("/engine-rest/task/" + task, String.class)
          .getStatusCode().value()).as(outsider).isIn(403, 404);
      assertThat(complete(outsider, task, Map.of("approved", bool(true))).getStatusCode().value())
          .as(outsider).isIn(403, 404);
      assertThat(EngineApp.as(rest, outsider).getForEntity("/engine-rest/process-instance/" + instance + "/variables",
          String.class).getStatusCode().value()).as(outsider).isIn(403, 404);
    }
    assertThat(complete("groupmanager", task, Map.of("approved", bool(false),
        "rejectionReason", string("not this hospital"))).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void opening_requesterApprovesOwnRequest_forbidden() {
    String instance = requestOpening();
    String gmTask = taskOf("groupmanager", instance, "UserTask_GmApproval");

    ResponseEntity<JsonNode> response = complete("groupmanager", gmTask, Map.of("gmApproved", bool(true)));

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getBody().get("message").asText()).contains("asked for this opening");
  }

  @Test
  void opening_sameUserApprovesBoth_forbiddenTheSecondTime() {
    String instance = requestOpening();
    String gmTask = taskOf("bothmanager", instance, "UserTask_GmApproval");
    String rmTask = taskOf("bothmanager", instance, "UserTask_RmApproval");

    assertThat(complete("bothmanager", gmTask, Map.of("gmApproved", bool(true))).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<JsonNode> second = complete("bothmanager", rmTask, Map.of("rmApproved", bool(true)));

    assertThat(second.getStatusCode().value()).isEqualTo(403);
    assertThat(second.getBody().get("message").asText()).contains("cannot approve both");
    assertThat(complete("revocationmanager", rmTask, Map.of("rmApproved", bool(false),
        "rmRejectionReason", string("no court order"))).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void opening_rejectionWithoutReason_badRequest() {
    String instance = requestOpening();
    String rmTask = taskOf("revocationmanager", instance, "UserTask_RmApproval");

    assertThat(complete("revocationmanager", rmTask, Map.of("rmApproved", bool(false))).getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void openingResult_nonManager_forbidden() {
    for (String user : List.of("doctor", "patient", "buyer", "hospital")) {
      assertThat(EngineApp.as(rest, user).getForEntity("/api/openings/any/result", String.class)
          .getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(EngineApp.as(rest, "groupmanager").getForEntity("/api/openings/no-such-instance/result", String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void purchase_anotherBuyer_cannotReadIt_theBuyerCan() {
    ResponseEntity<JsonNode> started = start("buyer", "purchase-data", Map.of(
        "purchaseCategory", string("cardiology"), "purchaseFields", string("Condition.code.text\nPatient.gender"),
        "minimumRecords", Map.of("value", 1, "type", "Long"), "priceWei", string("1000000000000000"),
        "replyHours", Map.of("value", 1, "type", "Long"), "deliveryHours", Map.of("value", 4, "type", "Long")));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String instance = started.getBody().get("id").asText();
    List<String> reads = List.of("/engine-rest/process-instance/" + instance,
        "/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/history/process-instance/" + instance,
        "/engine-rest/history/variable-instance?processInstanceId=" + instance);

    for (String path : reads) {
      ResponseEntity<String> other = EngineApp.as(rest, "buyer2").getForEntity(path, String.class);
      assertThat(other.getStatusCode().value() == 200 ? other.getBody() : "refused").as("buyer2 reads " + path)
          .isIn("refused", "[]");
      assertThat(other.getStatusCode().value()).as("buyer2 reads " + path).isIn(200, 403, 404);
    }
    assertThat(EngineApp.as(rest, "buyer2").getForObject("/engine-rest/task?processInstanceId=" + instance,
        JsonNode.class)).isEmpty();
    assertThat(EngineApp.as(rest, "buyer").getForEntity(reads.get(1), String.class).getStatusCode().value())
        .as("the buyer reads their own purchase").isEqualTo(200);
  }

  private String requestOpening() {
    ResponseEntity<JsonNode> started = start("groupmanager", "open-signature", Map.of(
        "hospitalGroupId", string("st-mary"), "signatureCid", string("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"),
        "signatureDigest", string("ab".repeat(32)), "signedRoot", string("cd".repeat(32)),
        "openingReason", string("a court order names this record")));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    return started.getBody().get("id").asText();
  }

  private String taskOf(String user, String instance, String key) {
    return EngineApp.as(rest, user).getForObject("/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + key, JsonNode.class).get(0).get("id").asText();
  }

  private List<String> startable(String user) {
    return EngineApp.as(rest, user).getForObject(
        "/engine-rest/process-definition?latestVersion=true&startablePermissionCheck=true", JsonNode.class)
        .findValuesAsText("key");
  }

  private ResponseEntity<JsonNode> start(String user, String flow, Map<String, Object> variables) {
    return EngineApp.as(rest, user).postForEntity("/engine-rest/process-definition/key/" + flow + "/start",
        Map.of("variables", variables), JsonNode.class);
  }

  private ResponseEntity<JsonNode> complete(String user, String task, Map<String, Object> variables) {
    return EngineApp.as(rest, user).postForEntity("/engine-rest/task/" + task + "/complete",
        Map.of("variables", variables), JsonNode.class);
  }

  private static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static Map<String, Object> bool(boolean value) {
    return Map.of("value", value, "type", "Boolean");
  }

  private void addUser(String id, String... groups) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setPassword(EngineApp.passwordOf(id));
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }
}
