package org.healthhub.processes.siwe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.healthhub.workers.chain.DataHubAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Sign-In with Ethereum over HTTP, signed with web3j keys: the patient's own chain key, and others. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"healthhub.siwe.domain=healthhub.test", "healthhub.siwe.uri=https://healthhub.test",
        "healthhub.siwe.chain-id=84532"})
@ActiveProfiles("test")
class SiweLoginTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    EngineApp.freshDataDir(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired DataHubAccess chain;

  @Test
  void login_patientKey_opensSessionForApi() throws Exception {
    ECKeyPair patient = chain.credentialsOf("patient").getEcKeyPair();

    ResponseEntity<JsonNode> response = login(message("healthhub.test", address(patient), nonce(), Instant.now(), null),
        patient);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody().get("user").asText()).isEqualTo("patient");
    String session = EngineApp.cookie(response, "JSESSIONID");
    ResponseEntity<String> records = rest.exchange("/api/records", HttpMethod.GET,
        new HttpEntity<>(headers("Cookie", session)), String.class);
    assertThat(records.getStatusCode().value()).isEqualTo(200);
    assertThat(EngineApp.cookie(records, "HEALTHHUB-XSRF-TOKEN")).as("the CSRF token for unsafe session calls").isNotBlank();
  }

  @Test
  void sessionPost_withCsrfToken_reachesTheController() throws Exception {
    String session = patientSession();
    ResponseEntity<String> read = rest.exchange("/api/shares", HttpMethod.GET, new HttpEntity<>(headers("Cookie", session)),
        String.class);
    String token = EngineApp.cookie(read, "HEALTHHUB-XSRF-TOKEN");
    HttpHeaders headers = headers("Cookie", session + "; " + token);
    headers.add("X-HEALTHHUB-XSRF-TOKEN", token.substring(token.indexOf('=') + 1));

    ResponseEntity<String> revoke = rest.exchange("/api/shares/no-such-share/revoke", HttpMethod.POST,
        new HttpEntity<>(headers), String.class);

    assertThat(revoke.getStatusCode().value()).as("the patient's own session, an unknown share").isEqualTo(404);
  }

  @Test
  void sessionPost_withoutCsrfToken_forbidden() throws Exception {
    ResponseEntity<String> revoke = rest.exchange("/api/shares/no-such-share/revoke", HttpMethod.POST,
        new HttpEntity<>(headers("Cookie", patientSession())), String.class);

    assertThat(revoke.getStatusCode().value()).isEqualTo(403);
    assertThat(revoke.getBody()).contains("X-HEALTHHUB-XSRF-TOKEN");
  }

  @Test
  void login_replayedNonce_unauthorized() throws Exception {
    ECKeyPair patient = chain.credentialsOf("patient").getEcKeyPair();
    String message = message("healthhub.test", address(patient), nonce(), Instant.now(), null);
    assertThat(login(message, patient).getStatusCode().value()).isEqualTo(200);

    ResponseEntity<JsonNode> replay = login(message, patient);

    assertThat(replay.getStatusCode().value()).isEqualTo(401);
    assertThat(replay.getBody().get("message").asText()).contains("used already");
  }

  @Test
  void login_wrongDomain_unauthorized() throws Exception {
    ECKeyPair patient = chain.credentialsOf("patient").getEcKeyPair();

    ResponseEntity<JsonNode> response = login(message("evil.test", address(patient), nonce(), Instant.now(), null), patient);

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().get("message").asText()).contains("not this site");
  }

  @Test
  void login_expired_unauthorized() throws Exception {
    ECKeyPair patient = chain.credentialsOf("patient").getEcKeyPair();
    Instant issued = Instant.now().minus(2, ChronoUnit.MINUTES);

    ResponseEntity<JsonNode> response = login(message("healthhub.test", address(patient), nonce(), issued,
        issued.plus(1, ChronoUnit.MINUTES)), patient);

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().get("message").asText()).contains("expired");
  }

  @Test
  void login_signedByAnotherKey_unauthorized() throws Exception {
    ECKeyPair patient = chain.credentialsOf("patient").getEcKeyPair();

    ResponseEntity<JsonNode> response = login(message("healthhub.test", address(patient), nonce(), Instant.now(), null),
        Keys.createEcKeyPair());

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().get("message").asText()).contains("not by");
  }

  @Test
  void login_unknownAddress_unauthorized() throws Exception {
    ECKeyPair stranger = Keys.createEcKeyPair();

    ResponseEntity<JsonNode> response = login(message("healthhub.test", address(stranger), nonce(), Instant.now(), null),
        stranger);

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().get("message").asText()).contains("no patient or buyer");
  }

  @Test
  void login_doctorKey_unauthorized() throws Exception {
    ECKeyPair doctor = chain.credentialsOf("doctor").getEcKeyPair();

    ResponseEntity<JsonNode> response = login(message("healthhub.test", address(doctor), nonce(), Instant.now(), null),
        doctor);

    assertThat(response.getStatusCode().value()).as("only patients and buyers sign in by key").isEqualTo(401);
  }

  @Test
  void login_buyerKey_logsInTheBuyer() throws Exception {
    ECKeyPair buyer = chain.credentialsOf("buyer").getEcKeyPair();

    ResponseEntity<JsonNode> response = login(message("healthhub.test", address(buyer), nonce(), Instant.now(), null),
        buyer);

    assertThat(response.getBody().get("user").asText()).isEqualTo("buyer");
  }

  private String patientSession() throws Exception {
    ECKeyPair patient = chain.credentialsOf("patient").getEcKeyPair();
    return EngineApp.cookie(login(message("healthhub.test", address(patient), nonce(), Instant.now(), null), patient),
        "JSESSIONID");
  }

  private String nonce() {
    return rest.getForObject("/api/siwe/nonce", JsonNode.class).get("nonce").asText();
  }

  private ResponseEntity<JsonNode> login(String message, ECKeyPair key) {
    Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key);
    byte[] bytes = new byte[65];
    System.arraycopy(signature.getR(), 0, bytes, 0, 32);
    System.arraycopy(signature.getS(), 0, bytes, 32, 32);
    bytes[64] = signature.getV()[0];
    return rest.postForEntity("/api/siwe/login", Map.of("message", message, "signature", Numeric.toHexString(bytes)),
        JsonNode.class);
  }

  private static String message(String domain, String address, String nonce, Instant issuedAt, Instant expiresAt) {
    return domain + " wants you to sign in with your Ethereum account:\n"
        + address + "\n\nSign in to HealthHub.\n\n"
        + "URI: https://healthhub.test\nVersion: 1\nChain ID: 84532\nNonce: " + nonce + "\n"
        + "Issued At: " + issuedAt.truncatedTo(ChronoUnit.SECONDS)
        + (expiresAt == null ? "" : "\nExpiration Time: " + expiresAt.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String address(ECKeyPair key) {
    return Keys.toChecksumAddress(Credentials.create(key).getAddress());
  }

  private static HttpHeaders headers(String name, String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(name, value);
    return headers;
  }
}
