package org.healthhub.processes.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.healthhub.workers.RetryPolicy;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.model.bpmn.Bpmn;

/** A completion that locks the flow's next step in its own transaction, and the thread that then runs it. */
class ChainedStepsTest {

  private static final ExternalTaskWakeUp WAKE_UP = new ExternalTaskWakeUp();
  private static final AtomicInteger wakes = new AtomicInteger();
  private static ProcessEngine engine;

  private final List<String> ran = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void engine() {
    engine = WakeUpEngine.build("chained-steps-test", WAKE_UP, Map.of());
    WAKE_UP.onTaskCommitted(wakes::incrementAndGet);
    engine.getRepositoryService().createDeployment()
        .addModelInstance("steps.bpmn", Bpmn.createExecutableProcess("steps").operatonHistoryTimeToLive(1)
            .startEvent().serviceTask("First").operatonExternalTask("first")
            .serviceTask("Second").operatonExternalTask("second")
            .serviceTask("Third").operatonExternalTask("third").endEvent().done())
        .addModelInstance("fork.bpmn", Bpmn.createExecutableProcess("fork").operatonHistoryTimeToLive(1)
            .startEvent().serviceTask("First").operatonExternalTask("first").parallelGateway("split")
            .serviceTask("Second").operatonExternalTask("second").endEvent()
            .moveToNode("split").serviceTask("Third").operatonExternalTask("third").endEvent().done())
        .deploy();
  }

  @BeforeEach
  void reset() {
    WakeUpEngine.deleteInstances(engine);
    wakes.set(0);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void pollAndChain_everyStepSubscribed_oneFetchRunsTheWholeFlow() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps").getId();
    wakes.set(0);

    int fetched = poller("first", "second", "third").pollAndChain(1, Runnable::run, () -> true);

    assertThat(fetched).isEqualTo(1);
    assertThat(ran).containsExactly("first", "second", "third");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).finished()
        .count()).isEqualTo(1);
    assertThat(wakes).as("no fetch is due while the thread holds each next step").hasValue(0);
  }

  @Test
  void pollAndChain_chainedStep_seesTheVariablesThePreviousStepSet() {
    engine.getRuntimeService().startProcessInstanceByKey("steps", Map.of("recordId", "r-1"));
    List<Object> seen = new CopyOnWriteArrayList<>();
    Subscriptions subscriptions = Subscriptions.builder()
        .subscribe("first", task -> TaskOutcome.complete(Map.of("firstStatus", "DONE")))
        .subscribe("second", task -> {
          seen.add(task.variables().get("recordId"));
          seen.add(task.variables().get("firstStatus"));
          return TaskOutcome.complete(Map.of());
        })
        .build();

    poller(subscriptions).pollAndChain(1, Runnable::run, () -> true);

    assertThat(seen).containsExactly("r-1", "DONE");
  }

  @Test
  void pollAndChain_nextTopicNotServed_leavesItUnlockedAndWakes() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps").getId();
    wakes.set(0);

    poller("first", "second").pollAndChain(1, Runnable::run, () -> true);

    assertThat(ran).containsExactly("first", "second");
    assertThat(openTask(instance, "third").getWorkerId()).isNull();
    assertThat(wakes).hasValue(1);
  }

  @Test
  void pollAndChain_launcherStopping_unlocksTheLockedNextStep() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps").getId();

    poller("first", "second", "third").pollAndChain(1, Runnable::run, () -> false);

    assertThat(ran).containsExactly("first");
    assertThat(openTask(instance, "second").getWorkerId()).isNull();
    assertThat(poller("second").pollOnce(1, Runnable::run)).as("fetchable at once").isEqualTo(1);
  }

  @Test
  void pollAndChain_forkMakesTwoTasks_locksOneAndWakesForTheOther() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("fork").getId();
    wakes.set(0);

    poller("first", "second", "third").pollAndChain(1, Runnable::run, () -> true);

    assertThat(ran).hasSize(2).startsWith("first");
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(instance).list())
        .singleElement().extracting(ExternalTask::getWorkerId).isNull();
    assertThat(wakes).hasValue(1);
  }

  @Test
  void pollOnce_runsOnlyTheFetchedTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("steps").getId();

    poller("first", "second", "third").pollOnce(1, Runnable::run);

    assertThat(ran).containsExactly("first");
    assertThat(openTask(instance, "second").getWorkerId()).isNull();
  }

  private ExternalTask openTask(String instance, String topic) {
    return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(instance).topicName(topic)
        .singleResult();
  }

  private ExternalTaskPoller poller(String... topics) {
    Subscriptions.Builder subscriptions = Subscriptions.builder();
    for (String topic : topics) {
      subscriptions.subscribe(topic, recording(topic));
    }
    return poller(subscriptions.build());
  }

  private ExternalTaskPoller poller(Subscriptions subscriptions) {
    return new ExternalTaskPoller(engine.getExternalTaskService(), subscriptions,
        new TaskRunner(new RetryPolicy(List.of(Duration.ofSeconds(1)))), "chain-test", Duration.ofMinutes(1));
  }

  private TaskHandler recording(String topic) {
    return task -> {
      ran.add(topic);
      return TaskOutcome.complete(Map.of());
    };
  }
}
