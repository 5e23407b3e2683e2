package org.healthhub.processes.restart;

import java.util.List;

/**
 * One flow type of the restart test: the app first serves only {@code topicsBeforeRestart}, so the
 * flow stops in the middle at an open task of {@code waitingTopic}; after the restart every topic
 * is served and the flow must reach {@code endEventId}.
 *
 * @param start starts the flow (and decides the approvals it waits for before the waiting task)
 * @param afterRestart what people do once the app is back (nothing for most flows)
 */
record RestartCase(List<String> topicsBeforeRestart, String waitingTopic, Step start, AfterRestart afterRestart,
    String endEventId) {

  /** Starts an instance on the running app and returns its id. */
  @FunctionalInterface
  interface Step {
    String run(RunningApp app) throws Exception;
  }

  @FunctionalInterface
  interface AfterRestart {
    void run(RunningApp app, String processInstanceId) throws Exception;

    static AfterRestart nothing() {
      return (app, processInstanceId) -> {};
    }
  }
}
