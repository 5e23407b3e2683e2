package org.healthhub.processes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.healthhub.workers.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's scale-out run: two engine nodes on one PostgreSQL and two standalone worker JVMs
 * (the workers module's executable jar, each polling one node's REST API with its own client)
 * share 200 store-record flows started across both nodes. In the middle a worker is killed
 * (SIGKILL) while it holds locked tasks, later an engine node is killed too; the tasks the dead
 * worker held run again on the other worker once their lock expires, and every flow completes:
 * one anchor per record on DataHub, one sealed record and one signature per record in storage.
 *
 * <p>The nodes hold no flow state of their own (it is all in PostgreSQL); what a dead node takes
 * with it is its REST clients and whatever its job executor had locked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreFlowClusterTest {

  private static final int FLOWS = Integer.getInteger("healthhub.cluster.store-flows", 200);
  /** Short, so a dead worker's tasks come back soon; long enough for a first FHIR validation on a loaded machine. */
  private static final Duration LOCK = Duration.ofSeconds(10);
  private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("healthhub.cluster.patience-seconds", 600));
  private static final List<String> STORE_TOPICS = List.of(Topics.RECORD_VALIDATE, Topics.RECORD_MERKLE,
      Topics.RECORD_SIGN, Topics.RECORD_VERIFY, Topics.RECORD_ENCRYPT, Topics.STORAGE_PUT, Topics.CHAIN_ANCHOR);
  /** The demo parties' keystore passphrases (public, application.properties): a worker JVM reads no app config. */
  private static final List<String> PARTIES = List.of("doctor", "patient", "hospital", "groupmanager", "revocationmanager");

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
  @TempDir static Path dataDir;

  private String rpcUrl;
  private EngineNode first;
  private EngineNode second;
  private WorkerProcess survivor;
  private WorkerProcess victim;

  @BeforeAll
  void startCluster() throws Exception {
    int chainPort = EngineNode.freePort();
    rpcUrl = "http://127.0.0.1:" + chainPort;
    // The first node creates the schema, runs anvil with DataHub and serves the join, so the one doctor is enrolled through enrol-doctor.
    first = EngineNode.start("store-node-a", POSTGRES, dataDir, LOCK, List.of("--healthhub.chain.local.enabled=true",
        "--healthhub.chain.local.port=" + chainPort, "--healthhub.tools.dir=" + System.getProperty("healthhub.tools.dir")),
        Topics.GROUPSIG_JOIN_MANAGER, Topics.GROUPSIG_JOIN_MEMBER);
    enrolDoctor();
    second = EngineNode.start("store-node-b", POSTGRES, dataDir, LOCK, List.of("--healthhub.chain.rpc-url=" + rpcUrl));
    survivor = WorkerProcess.start("store-worker-1", first, dataDir, workerArguments());
    victim = WorkerProcess.start("store-worker-2", second, dataDir, workerArguments());
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (AutoCloseable process : new AutoCloseable[] {victim, survivor, second, first}) {
      if (process != null) {
        process.close();
      }
    }
  }

  @Test
  void storeFlows_workerThenNodeKilledMidway_allCompleteAnchoredAndStoredOnce() throws Exception {
    try (StoreRecordClusterFlow flow = new StoreRecordClusterFlow("doctor", dataDir, rpcUrl)) {
      List<String> instances = ClusterRuns.startAcross(flow, FLOWS, first, second);

      List<String> heldByVictim = killWhileHoldingLocks(victim);
      assertThat(ClusterRuns.countEnded(first, instances)).as("worker killed in the middle").isLessThan(instances.size());
      ClusterRuns.awaitEnded(first, instances, instances.size() / 2, PATIENCE);
      second.kill();
      assertThat(ClusterRuns.countEnded(first, instances)).as("node killed in the middle").isLessThan(instances.size());

      ClusterRuns.awaitEnded(first, instances, instances.size(), PATIENCE);

      ClusterRuns.assertCompletedExactlyOnce(first, flow, instances);
      for (String task : heldByVictim) {
        assertThat(first.get("/engine-rest/history/external-task-log?successLog=true&externalTaskId=" + task)
            .findValuesAsText("workerId")).as("task %s, locked by the killed worker", task).containsExactly(survivor.name);
      }
    }
  }

  /** Kills {@code worker} at a moment it holds locked tasks, and returns those tasks (their locks outlive it). */
  private List<String> killWhileHoldingLocks(WorkerProcess worker) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      if (!lockedBy(worker).isEmpty()) {
        worker.kill();
        List<String> held = lockedBy(worker);
        if (!held.isEmpty()) {
          return held;
        }
        throw new AssertionError(worker.name + " finished its last task as it was killed: nothing left to recover");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(worker.name + " never held a task");
      }
      Thread.sleep(20);
    }
  }

  private List<String> lockedBy(WorkerProcess worker) throws Exception {
    return first.get("/engine-rest/external-task?locked=true&workerId=" + worker.name).findValuesAsText("id");
  }

  private void enrolDoctor() throws Exception {
    String instance = first.post("/engine-rest/process-definition/key/enrol-doctor/start", Map.of("variables", Map.of(
        "hospitalGroupId", Map.of("value", "st-mary", "type", "String"),
        "doctorId", Map.of("value", "doctor", "type", "String")))).get("id").asText();
    JsonNode approval = first.get("/engine-rest/task?processInstanceId=" + instance);
    first.post("/engine-rest/task/" + approval.get(0).get("id").asText() + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))));
    ClusterRuns.awaitEnded(first, List.of(instance), 1, PATIENCE);
    assertThat(first.get("/engine-rest/history/activity-instance?activityId=EndEvent_DoctorEnrolled&processInstanceId="
        + instance)).as("the doctor is enrolled").hasSize(1);
  }

  private List<String> workerArguments() {
    List<String> arguments = new java.util.ArrayList<>(List.of(
        "--healthhub.workers.topics=" + String.join(",", STORE_TOPICS),
        "--healthhub.workers.threads=4",
        "--healthhub.workers.lock-duration=" + LOCK.toMillis() + "ms",
        "--healthhub.workers.long-poll=1s",
        // Two processes send from the hospital's account: a nonce race is a technical failure, retried.
        "--healthhub.workers.backoffs=1s,1s,2s,2s,5s,5s",
        "--healthhub.chain.rpc-url=" + rpcUrl,
        "--healthhub.keystores.argon2-memory-kib=8192",
        "--healthhub.keystores.argon2-iterations=1"));
    for (String party : PARTIES) {
      arguments.add("--healthhub.keystores.passphrases." + party + "=demo-keystore-" + party);
    }
    return arguments;
  }
}
