package org.healthhub.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the Spring Boot tests of the engine app share: a fresh data directory and driving one enrolment. */
public final class EngineApp {

  // Generous: on two shared cores the first record alone loads HAPI FHIR's definitions for over half a minute.
  private static final long PATIENCE_MILLIS = 180_000;

  private EngineApp() {}

  public static void freshDataDir(DynamicPropertyRegistry registry) {
    try {
      Path dataDir = Files.createTempDirectory("healthhub-app-test");
      registry.add("healthhub.data-dir", dataDir::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String requestEnrolment(IdentityService identity, RuntimeService runtime, String doctor, String group) {
    identity.setAuthenticatedUserId(doctor);
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
