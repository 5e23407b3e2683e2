package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Running a {@link ClusterFlow} many times over the nodes' REST APIs, and what every such run asserts. */
final class ClusterRuns {

  private ClusterRuns() {}

  /** Starts {@code count} instances, alternating the nodes, each approved on the node that did not start it. */
  static List<String> startAcross(ClusterFlow flow, int count, EngineNode one, EngineNode other) throws Exception {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EngineNode starter = i % 2 == 0 ? one : other;
      String instance = flow.start(starter, i);
      flow.completeUserTasks(starter == one ? other : one, instance);
      instances.add(instance);
    }
    return instances;
  }

  /** Waits until {@code ended} of the instances have ended; the patience only guards against a hang. */
  static void awaitEnded(EngineNode node, List<String> instances, long ended, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (countEnded(node, instances) < ended) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(ended + " flows did not end within " + patience);
      }
      Thread.sleep(200);
    }
  }

  static long countEnded(EngineNode node, List<String> instances) throws Exception {
    return node.post("/engine-rest/history/process-instance/count", Map.of("processInstanceIds", instances, "finished", true))
        .get("count").asLong();
  }

  /** Every instance ended at the flow's end event, no external task completed twice, and the flow's effects exist once. */
  static void assertCompletedExactlyOnce(EngineNode node, ClusterFlow flow, List<String> instances) throws Exception {
    JsonNode endEvents = node.get("/engine-rest/history/activity-instance?activityId=" + flow.expectedEndEventId()
        + "&processDefinitionKey=" + flow.processKey() + "&maxResults=100000");
    Set<String> endedThere = new HashSet<>(endEvents.findValuesAsText("processInstanceId"));
    assertThat(endedThere).as("every flow ended at " + flow.expectedEndEventId()).containsAll(instances);

    List<String> completedTasks = successLogs(node, flow, instances).stream()
        .map(log -> log.get("externalTaskId").asText()).toList();
    assertThat(completedTasks).as("no external task completed twice").doesNotHaveDuplicates().isNotEmpty();
    flow.assertEffectsExactlyOnce(node, instances);
  }

  static List<JsonNode> successLogs(EngineNode node, ClusterFlow flow, List<String> instances) throws Exception {
    Set<String> wanted = new HashSet<>(instances);
    JsonNode logs = node.get("/engine-rest/history/external-task-log?successLog=true&processDefinitionKey="
        + flow.processKey() + "&maxResults=100000");
    return StreamSupport.stream(logs.spliterator(), false)
        .filter(log -> wanted.contains(log.get("processInstanceId").asText())).toList();
  }
}
