package org.healthhub.processes.record;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Puts {@link PlaintextHistoryFilter} in front of the engine's history handler once the engine has
 * built it (after every plugin added its own handlers, such as Spring's event publishing), so no
 * handler sees an event about a plaintext record variable.
 */
public final class PlaintextHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PlaintextHistoryFilter(configuration.getHistoryEventHandler()));
  }
}
