package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
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
 * killed (SIGKILL) in the middle the others finish every flow. The flow is a parameter.
 *
 * <p>enrol-doctor's join handlers keep the parties' keys in keystores under the shared data
 * directory; the first node serves both join topics, the others are engine-only nodes (REST, job
 * executor). Worker work spread over worker processes, and a killed worker's locks recovered, are
 * {@link StoreFlowClusterTest}'s.
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
    List<String> instances = ClusterRuns.startAcross(flow, FLOWS, first, second);

    ClusterRuns.awaitEnded(first, instances, instances.size(), PATIENCE);

    ClusterRuns.assertCompletedExactlyOnce(first, flow, instances);
  }

  @ParameterizedTest
  @MethodSource("flows")
  void cluster_nodeKilledMidway_allCompleteOnTheOthers(Function<String, ClusterFlow> flows) throws Exception {
    ClusterFlow flow = flows.apply("killed");
    EngineNode victim = EngineNode.start("node-c", POSTGRES, dataDir, LOCK);
    List<String> instances;
    try {
      instances = ClusterRuns.startAcross(flow, FLOWS, first, victim);
      assertThat(ClusterRuns.countEnded(first, instances)).as("killed in the middle: flows still running").isLessThan(instances.size());
    } finally {
      victim.kill();
    }

    ClusterRuns.awaitEnded(first, instances, instances.size(), PATIENCE);

    ClusterRuns.assertCompletedExactlyOnce(first, flow, instances);
  }
}
