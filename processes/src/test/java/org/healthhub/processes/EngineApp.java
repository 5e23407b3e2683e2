package org.healthhub.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.security.EngineUserAuthentication;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the Spring Boot tests of the engine app share: a fresh data directory and driving one enrolment. */
public final class EngineApp {

  // Generous: on two shared cores the first record alone loads HAPI FHIR's definitions for over half a minute.
  private static final long PATIENCE_MILLIS = 180_000;

  private EngineApp() {}

  /** The embedded default on a fresh data directory: the app starts its own anvil (on a free port) and deploys DataHub. */
  public static void embeddedDefault(DynamicPropertyRegistry registry) {
    freshDataDir(registry);
    registry.add("healthhub.chain.local.enabled", () -> "true");
    int port = freePort();
    registry.add("healthhub.chain.local.port", () -> Integer.toString(port));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void freshDataDir(DynamicPropertyRegistry registry) {
    try {
      Path dataDir = Files.createTempDirectory("healthhub-app-test");
      registry.add("healthhub.data-dir", dataDir::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo users' test passwords follow one pattern (application-test.properties). */
  public static String passwordOf(String user) {
    return "test-" + user + "-password";
  }

  /** {@code rest} logged in as a demo user (HTTP Basic). */
  public static TestRestTemplate as(TestRestTemplate rest, String user) {
    return rest.withBasicAuth(user, passwordOf(user));
  }

  /** {@code name=value} of the cookie the response sets. */
  public static String cookie(ResponseEntity<?> response, String name) {
    List<String> cookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    return cookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(0, c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
  }

  /** Signs {@code user} in to the engine with the user's groups, as a login over REST does. */
  public static void signIn(IdentityService identity, String user) {
    identity.setAuthentication(user, EngineUserAuthentication.groupsOf(identity, user));
  }

  public static String requestEnrolment(IdentityService identity, RuntimeService runtime, String doctor, String group) {
    signIn(identity, doctor);
    try {
      return runtime.startProcessInstanceByKey("enrol-doctor", Map.of("hospitalGroupId", group)).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Requests an enrolment, approves it as the group manager and waits until the workers have run the join. */
  public static String enrolApproved(IdentityService identity, RuntimeService runtime, TaskService tasks,
      HistoryService history, String doctor, String group) throws InterruptedException {
    String instance = requestEnrolment(identity, runtime, doctor, group);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(), Map.of("approved", true));
    awaitEnd(history, instance);
    return instance;
  }

  /** Waits for the workers to carry the instance to its end; the limit only guards against a hang. */
  public static void awaitEnd(HistoryService history, String processInstanceId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("process instance " + processInstanceId + " did not end within " + PATIENCE_MILLIS + " ms");
      }
      Thread.sleep(50);
    }
  }
}
