package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * enrol-doctor: doctor {@code i} of a run asks to join the demo group, the group manager approves,
 * the workers run the join. Doctors are named after the run, so runs on one data directory stay apart.
 */
final class EnrolDoctorClusterFlow implements ClusterFlow {

  /** The doctors' keystore passphrase (their worker opens their keystore), given to every node. */
  static final String DOCTOR_PASSPHRASE = "cluster-test-doctor";
  /** More doctors than any run enrols, so every node knows their passphrases. */
  static final int MAX_DOCTORS = 64;
  static final List<String> RUNS = List.of("shared", "killed");

  private static final String GROUP_ID = "st-mary";

  private final String run;

  EnrolDoctorClusterFlow(String run) {
    this.run = run;
  }

  @Override
  public String processKey() {
    return "enrol-doctor";
  }

  @Override
  public String start(EngineNode node, int i) throws IOException, InterruptedException {
    // No REST authentication, so no initiator: the doctor id is given as the variable the initiator would set.
    JsonNode started = node.post("/engine-rest/process-definition/key/enrol-doctor/start", Map.of("variables", Map.of(
        "hospitalGroupId", Map.of("value", GROUP_ID, "type", "String"),
        "doctorId", Map.of("value", doctor(i), "type", "String"))));
    return started.get("id").asText();
  }

  @Override
  public void completeUserTasks(EngineNode node, String processInstanceId) throws IOException, InterruptedException {
    JsonNode tasks = node.get("/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(tasks).as("the approval waits for the group manager").hasSize(1);
    node.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))));
  }

  @Override
  public String expectedEndEventId() {
    return "EndEvent_DoctorEnrolled";
  }

  @Override
  public void assertEffectsExactlyOnce(EngineNode node, List<String> instances) throws IOException, InterruptedException {
    List<String> members = node.get("/api/groups/" + GROUP_ID + "/members").findValuesAsText("memberId").stream()
        .filter(member -> member.startsWith(run + "-doctor-")).toList();
    assertThat(members).containsExactlyInAnyOrderElementsOf(IntStream.range(0, instances.size()).mapToObj(this::doctor).toList());
  }

  private String doctor(int i) {
    return run + "-doctor-" + i;
  }

  @Override
  public String toString() {
    return processKey();
  }
}
