package org.healthhub.processes.workers;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds a parse listener after the engine's own, beside those other plugins added. */
public final class PostParseListeners {

  private PostParseListeners() {}

  /** Call from a plugin's {@code preInit}, before the engine reads the list. */
  public static void append(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
