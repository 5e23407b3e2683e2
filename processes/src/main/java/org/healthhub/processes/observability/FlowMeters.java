package org.healthhub.processes.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Times every flow from start to end in {@value #TIMER}, tagged by process definition key and end
 * event, from the history events the Operaton starter publishes (each node records the instances it ends).
 */
@Component
class FlowMeters {

  static final String TIMER = "healthhub.flow";

  private final MeterRegistry meters;
  // The engine publishes these events, so it cannot be a constructor dependency of their listener.
  private final ObjectProvider<HistoryService> history;

  FlowMeters(MeterRegistry meters, ObjectProvider<HistoryService> history) {
    this.meters = meters;
    this.history = history;
  }

  @EventListener
  void onProcessInstanceEvent(HistoricProcessInstanceEventEntity event) {
    if (!event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END) || event.getEndTime() == null) {
      return;
    }
    // The end event carries no start time; the start row was written when the flow first waited. A flow
    // that starts and ends in one transaction (none of HealthHub's: each waits for a task) is not timed.
    HistoricProcessInstance started = history.getObject().createHistoricProcessInstanceQuery()
        .processInstanceId(event.getProcessInstanceId()).singleResult();
    if (started == null || started.getStartTime() == null) {
      return;
    }
    String end = event.getEndActivityId() == null ? "none" : event.getEndActivityId();
    meters.timer(TIMER, "flow", event.getProcessDefinitionKey(), "end", end)
        .record(Duration.ofMillis(event.getEndTime().getTime() - started.getStartTime().getTime()));
  }
}
