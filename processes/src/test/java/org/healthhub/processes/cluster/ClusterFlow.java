package org.healthhub.processes.cluster;

import java.io.IOException;
import java.util.List;

/**
 * A flow the cluster tests run many times over REST: how to start instance {@code i}, what it
 * waits for from people, where it must end, and what it must have left behind exactly once.
 */
interface ClusterFlow {

  String processKey();

  /** Starts instance number {@code i} on {@code node} and returns its process instance id. */
  String start(EngineNode node, int i) throws IOException, InterruptedException;

  /** Completes the user tasks that wait on people (approvals), so that only workers are left. */
  void completeUserTasks(EngineNode node, String processInstanceId) throws IOException, InterruptedException;

  String expectedEndEventId();

  /** Asserts that the effect of each of {@code instances} (started as numbers 0, 1, ...) exists once, and nothing else. */
  void assertEffectsExactlyOnce(EngineNode node, List<String> instances) throws IOException, InterruptedException;
}
