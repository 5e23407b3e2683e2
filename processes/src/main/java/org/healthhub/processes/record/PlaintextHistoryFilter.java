package org.healthhub.processes.record;

import java.util.List;
import org.healthhub.workers.record.RecordInputs;
import org.operaton.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops every history event about a plaintext record variable (its creation, update and removal,
 * and a submitted form field of that name) before it reaches the database; all other events pass
 * to the engine's handler unchanged.
 */
public final class PlaintextHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler next;

  public PlaintextHistoryFilter(HistoryEventHandler next) {
    this.next = next;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isPlaintext(event)) {
      next.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    next.handleEvents(events.stream().filter(event -> !isPlaintext(event)).toList());
  }

  static boolean isPlaintext(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return RecordInputs.isPlaintext(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formField) {
      return RecordInputs.isPlaintext(formField.getPropertyId());
    }
    return false;
  }
}
