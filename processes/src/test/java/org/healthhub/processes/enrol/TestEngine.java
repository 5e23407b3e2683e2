package org.healthhub.processes.enrol;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;

/** One in-memory engine for the process tests, built here so no test class holds it in an injectable field. */
final class TestEngine {

  private static ProcessEngine engine;

  private TestEngine() {}

  static synchronized ProcessEngine inMemory() {
    if (engine == null) {
      engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
          .setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1")
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
          .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
          .setJobExecutorActivate(false)
          .buildProcessEngine();
    }
    return engine;
  }
}
