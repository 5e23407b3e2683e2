package org.healthhub.processes.workers;

import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** An in-memory engine of its own per test class, running {@code wakeUp}, without a job executor. */
final class WakeUpEngine {

  private WakeUpEngine() {}

  static ProcessEngine build(String name, ExternalTaskWakeUp wakeUp, Map<Object, Object> beans) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(wakeUp));
    configuration.setBeans(beans);
    return configuration.buildProcessEngine();
  }

  /** Deletes every running instance, so each test starts from an empty engine. */
  static void deleteInstances(ProcessEngine engine) {
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test reset"));
  }
}
