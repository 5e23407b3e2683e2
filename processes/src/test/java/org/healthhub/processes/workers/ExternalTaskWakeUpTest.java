package org.healthhub.processes.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.model.bpmn.Bpmn;

class ExternalTaskWakeUpTest {

  private static final ExternalTaskWakeUp WAKE_UP = new ExternalTaskWakeUp();
  /** External tasks the engine holds each time the listener ran: what a launcher fetching then would find. */
  private static final List<Long> seenAtWake = new CopyOnWriteArrayList<>();
  private static final AtomicLong wakes = new AtomicLong();
  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    engine = WakeUpEngine.build("wake-up-test", WAKE_UP, Map.of("refuse", (JavaDelegate) execution -> {
      throw new IllegalStateException("refused");
    }));
    WAKE_UP.onTaskCommitted(() -> {
      wakes.incrementAndGet();
      seenAtWake.add(engine.getExternalTaskService().createExternalTaskQuery().count());
    });
    engine.getRepositoryService().createDeployment()
        .addModelInstance("external.bpmn", Bpmn.createExecutableProcess("external").operatonHistoryTimeToLive(1)
            .startEvent().serviceTask("Work").operatonExternalTask("work").endEvent().done())
        // The external task is entered first, then the other branch fails in the same transaction.
        .addModelInstance("failing.bpmn", Bpmn.createExecutableProcess("failing").operatonHistoryTimeToLive(1)
            .startEvent().parallelGateway("fork").serviceTask("Work").operatonExternalTask("work").endEvent()
            .moveToNode("fork").serviceTask("Refuse").operatonDelegateExpression("${refuse}").endEvent().done())
        .addModelInstance("user.bpmn", Bpmn.createExecutableProcess("user").operatonHistoryTimeToLive(1)
            .startEvent().userTask("Review").endEvent().done())
        .deploy();
  }

  @BeforeEach
  void reset() {
    WakeUpEngine.deleteInstances(engine);
    wakes.set(0);
    seenAtWake.clear();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void start_flowEntersExternalTask_wakesOnceTheTaskIsCommitted() {
    engine.getRuntimeService().startProcessInstanceByKey("external");

    assertThat(wakes).hasValue(1);
    assertThat(seenAtWake).containsExactly(1L);
  }

  @Test
  void start_flowWithoutExternalTask_doesNotWake() {
    engine.getRuntimeService().startProcessInstanceByKey("user");

    assertThat(wakes).hasValue(0);
  }

  @Test
  void start_transactionRolledBack_doesNotWake() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("failing")).hasMessageContaining("refused");

    assertThat(wakes).hasValue(0);
    assertThat(engine.getExternalTaskService().createExternalTaskQuery().count()).isZero();
  }
}
