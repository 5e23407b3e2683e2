package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.healthhub.workers.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Engine nodes in JVMs of their own on one PostgreSQL share the flows: instances started and
 * approved on either node all complete, no external task completes twice, and when a node is
 * killed (SIGKILL) in the middle the others finish every flow. The flow is a parameter: add the
 * store flow to {@link #flows()} when it is on main.
 *
 * <p>enrol-doctor's join handlers keep the parties' keys in keystores under the shared data
 * directory; the first node serves both join topics, the others are engine-only nodes (REST, job
 * executor). Worker work spread over nodes, and a killed worker's locks recovered, need
 * stateless handlers: the store flow's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineClusterTest {

  private static final int FLOWS = Integer.getInteger("healthhub.cluster.flows", 16);
  private static final Duration LOCK = Duration.ofSeconds(5);
  private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("healthhub.cluster.patience-seconds", 180));

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  @TempDir static Path dataDir;

  private EngineNode first;
  private EngineNode second;

  static Stream<Named<Function<String, ClusterFlow>>> flows() {
    return Stream.of(Named.of("enrol-doctor", EnrolDoctorClusterFlow::new));
  }

  @BeforeAll
  void startNodes() throws Exception {
    // The first node creates the schema alone; two nodes racing on an empty schema would both try.
    first = EngineNode.start("node-a", POSTGRES, dataDir, LOCK, Topics.GROUPSIG_JOIN_MANAGER, Topics.GROUPSIG_JOIN_MEMBER);
    second = EngineNode.start("node-b", POSTGRES, dataDir, LOCK);
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (EngineNode node : new EngineNode[] {first, second}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("flows")
  void cluster_flowsStartedOnBothNodes_allCompleteOnce(Function<String, ClusterFlow> flows)
      throws Exception {
    ClusterFlow flow = flows.apply("shared");
    List<String> instances = startAcross(flow, first, second);

    awaitAllEnded(first, instances);

    assertCompletedExactlyOnce(flow, instances);
  }

  @ParameterizedTest
  @MethodSource("flows")
  void cluster_nodeKilledMidway_allCompleteOnTheOthers(Function<String, ClusterFlow> flows) throws Exception {
    ClusterFlow flow = flows.apply("killed");
    EngineNode victim = EngineNode.start("node-c", POSTGRES, dataDir, LOCK);
    List<String> instances;
    try {
      instances = startAcross(flow, first, victim);
      assertThat(countEnded(first, instances)).as("killed in the middle: flows still running").isLessThan(instances.size());
    } finally {
      victim.kill();
    }

    awaitAllEnded(first, instances);

    assertCompletedExactlyOnce(flow, instances);
  }

  private static List<String> startAcross(ClusterFlow flow, EngineNode one, EngineNode other) throws Exception {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      EngineNode starter = i % 2 == 0 ? one : other;
      String instance = flow.start(starter, i);
      flow.completeUserTasks(starter == one ? other : one, instance);
      instances.add(instance);
    }
    return instances;
  }

  private static void awaitAllEnded(EngineNode node, List<String> instances) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (countEnded(node, instances) < instances.size()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not every flow ended within " + PATIENCE);
      }
      Thread.sleep(200);
    }
  }

  private static long countEnded(EngineNode node, List<String> instances) throws Exception {
    return node.post("/engine-rest/history/process-instance/count", Map.of("processInstanceIds", instances, "finished", true))
        .get("count").asLong();
  }

  private void assertCompletedExactlyOnce(ClusterFlow flow, List<String> instances) throws Exception {
    JsonNode endEvents = first.get("/engine-rest/history/activity-instance?activityId=" + flow.expectedEndEventId()
        + "&processDefinitionKey=" + flow.processKey() + "&maxResults=100000");
    Set<String> endedThere = new HashSet<>(endEvents.findValuesAsText("processInstanceId"));
    assertThat(endedThere).as("every flow ended at " + flow.expectedEndEventId()).containsAll(instances);

    List<JsonNode> successes = successLogs(first, flow, instances);
    List<String> completedTasks = successes.stream().map(log -> log.get("externalTaskId").asText()).toList();
    assertThat(completedTasks).as("no external task completed twice").doesNotHaveDuplicates().isNotEmpty();
    flow.assertEffectsExactlyOnce(first, instances.size());
  }

  private static List<JsonNode> successLogs(EngineNode node, ClusterFlow flow, List<String> instances) throws Exception {
    Set<String> wanted = new HashSet<>(instances);
    JsonNode logs = node.get("/engine-rest/history/external-task-log?successLog=true&processDefinitionKey="
        + flow.processKey() + "&maxResults=100000");
    return StreamSupport.stream(logs.spliterator(), false)
        .filter(log -> wanted.contains(log.get("processInstanceId").asText())).toList();
  }
}
