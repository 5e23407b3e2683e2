package org.healthhub.processes.record;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;

/** Puts {@link PlaintextHistoryFilter} in front of the engine's database history handler. */
public final class PlaintextHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> custom = configuration.getCustomHistoryEventHandlers() == null
        ? List.of() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    configuration.setHistoryEventHandler(new PlaintextHistoryFilter(new CompositeDbHistoryEventHandler(custom)));
  }
}
