package org.healthhub.processes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Input limits, error bodies without internals, security headers and the webapps' CSRF protection, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HardeningTest {

  private static final List<String> INTERNALS = List.of("Exception", "org.operaton", "com.fasterxml", "java.",
      "\tat ", "org.springframework");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
  }

  @Autowired TestRestTemplate rest;

  @Test
  void engineRest_errors_carryNoExceptionClassOrTrace() {
    TestRestTemplate admin = EngineApp.as(rest, "admin");
    List<ResponseEntity<String>> errors = List.of(
        admin.getForEntity("/engine-rest/task/no-such-task", String.class),
        admin.postForEntity("/engine-rest/process-definition/key/no-such-flow/start", json("{}"), String.class),
        admin.postForEntity("/engine-rest/process-definition/key/enrol-doctor/start", json("{\"variables\": [1,"),
            String.class),
        admin.postForEntity("/engine-rest/process-definition/key/enrol-doctor/start",
            json("{\"variables\": {\"x\": {\"value\": 1, \"type\": \"NoSuchType\"}}}"), String.class));

    for (ResponseEntity<String> error : errors) {
      assertThat(error.getStatusCode().is4xxClientError()).as(error.getBody()).isTrue();
      assertThat(error.getBody()).as("status %s", error.getStatusCode()).doesNotContain(INTERNALS).contains("message");
    }
  }

  @Test
  void api_errors_carryNoExceptionClassOrTrace() {
    ResponseEntity<String> malformed = EngineApp.as(rest, "doctor").postForEntity("/api/records", json("{\"patientId\":"),
        String.class);

    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody()).doesNotContain(INTERNALS);
  }

  @Test
  void body_overLimit_payloadTooLarge() {
    String huge = "{\"variables\": {\"x\": {\"value\": \"" + "a".repeat(2_200_000) + "\"}}}";

    ResponseEntity<String> response = EngineApp.as(rest, "doctor")
        .postForEntity("/engine-rest/process-definition/key/enrol-doctor/start", json(huge), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getBody()).contains("exceeds 2097152 bytes");
  }

  @Test
  void engineRest_tooManyFormFields_badRequest() {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < 250; i++) {
      variables.put("field" + i, Map.of("value", "v", "type", "String"));
    }

    ResponseEntity<String> response = EngineApp.as(rest, "doctor").postForEntity(
        "/engine-rest/process-definition/key/enrol-doctor/start", Map.of("variables", variables), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("250 variables in one map, at most 200");
  }

  @Test
  void engineRest_formValueTooLong_badRequest() {
    ResponseEntity<String> response = EngineApp.as(rest, "doctor").postForEntity(
        "/engine-rest/process-definition/key/enrol-doctor/start",
        Map.of("variables", Map.of("hospitalGroupId", Map.of("value", "g".repeat(70_000), "type", "String"))),
        String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).contains("exceeds the limit of 65536");
  }

  @Test
  void api_recordOverLimit_payloadTooLarge() {
    ResponseEntity<String> response = EngineApp.as(rest, "doctor").postForEntity("/api/records",
        Map.of("patientId", "patient", "hospitalGroupId", "st-mary", "fhirJson", "x".repeat(1_100_000)), String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getBody()).contains("at most 1048576");
  }

  @Test
  void apiAndEngineRest_answers_carrySecurityHeaders() {
    for (String path : List.of("/api/records", "/engine-rest/task")) {
      HttpHeaders headers = EngineApp.as(rest, "patient").getForEntity(path, String.class).getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
      assertThat(headers.getFirst("Strict-Transport-Security")).as("%s over plain HTTP", path).isNull();
    }
  }

  @Test
  void https_behindProxy_strictTransportSecurity() {
    HttpHeaders request = new HttpHeaders();
    request.setBasicAuth("patient", EngineApp.passwordOf("patient"));
    request.add("X-Forwarded-Proto", "https");

    HttpHeaders headers = rest.exchange("/api/records", HttpMethod.GET, new HttpEntity<>(request), String.class).getHeaders();

    assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=");
  }

  @Test
  void webapps_loginNeedsTheCsrfToken_andPagesCarryTheirPolicy() {
    ResponseEntity<String> page = rest.getForEntity("/operaton/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    String session = EngineApp.cookie(page, "JSESSIONID");
    String token = EngineApp.cookie(page, "XSRF-TOKEN");
    String login = "/operaton/api/admin/auth/user/default/login/tasklist";
    String form = "username=patient&password=" + EngineApp.passwordOf("patient");

    ResponseEntity<String> refused = rest.exchange(login, HttpMethod.POST,
        new HttpEntity<>(form, formHeaders(session + "; " + token)), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).as("refused by the CSRF filter").isEqualTo("Required");

    assertThat(tasklistSession("patient")).startsWith("JSESSIONID=");
  }

  /** A browser that answered a Basic prompt sends the credentials along with the session cookie. */
  @Test
  void webappSession_requestsAlsoCarryingBasicCredentials_stayTheSameSignedInSession() {
    String session = tasklistSession("patient");
    HttpHeaders both = new HttpHeaders();
    both.add(HttpHeaders.COOKIE, session);
    both.setBasicAuth("patient", EngineApp.passwordOf("patient"));

    for (String path : List.of("/operaton/api/engine/engine/", "/api/records", "/engine-rest/user/patient/profile")) {
      ResponseEntity<String> answer = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(both), String.class);
      assertThat(answer.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())).as(path)
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }

    HttpHeaders cookieOnly = new HttpHeaders();
    cookieOnly.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> user = rest.exchange("/operaton/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(cookieOnly), String.class);
    assertThat(user.getStatusCode().value()).as("still signed in to Tasklist").isEqualTo(200);
    assertThat(user.getBody()).contains("\"userId\":\"patient\"");
  }

  @Test
  void tasklistSession_unsafeApiCall_needsTheApiCsrfToken() {
    String session = tasklistSession("patient");
    ResponseEntity<String> read = rest.exchange("/api/shares", HttpMethod.GET,
        new HttpEntity<>(cookies(session)), String.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    String token = EngineApp.cookie(read, "HEALTHHUB-XSRF-TOKEN");
    String revoke = "/api/shares/no-such-share/revoke";

    ResponseEntity<String> refused = rest.exchange(revoke, HttpMethod.POST, new HttpEntity<>(cookies(session)),
        String.class);
    HttpHeaders withToken = cookies(session + "; " + token);
    withToken.add("X-HEALTHHUB-XSRF-TOKEN", token.substring(token.indexOf('=') + 1));
    ResponseEntity<String> passed = rest.exchange(revoke, HttpMethod.POST, new HttpEntity<>(withToken), String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(passed.getStatusCode().value()).as("reaches the controller: the patient has no such share").isEqualTo(404);
  }

  /** The {@code JSESSIONID=...} of a Tasklist login, as the browser holds it afterwards. */
  private String tasklistSession(String user) {
    ResponseEntity<String> page = rest.getForEntity("/operaton/app/tasklist/default/", String.class);
    String session = EngineApp.cookie(page, "JSESSIONID");
    String token = EngineApp.cookie(page, "XSRF-TOKEN");
    HttpHeaders headers = formHeaders(session + "; " + token);
    headers.add("X-XSRF-TOKEN", token.substring(token.indexOf('=') + 1));
    ResponseEntity<String> login = rest.exchange("/operaton/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=" + EngineApp.passwordOf(user), headers), String.class);
    assertThat(login.getStatusCode().value()).isEqualTo(200);
    boolean renewed = login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
    return renewed ? EngineApp.cookie(login, "JSESSIONID") : session;
  }

  private static HttpHeaders cookies(String cookies) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    return headers;
  }

  private static HttpHeaders formHeaders(String cookies) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookies);
    return headers;
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
