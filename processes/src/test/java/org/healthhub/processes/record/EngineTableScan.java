package org.healthhub.processes.record;

import java.sql.SQLException;
import java.util.List;
import org.healthhub.processes.hygiene.SecretHit;
import org.healthhub.processes.hygiene.SecretScanner;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The process tests' short form of {@link SecretScanner#engine}: where one text sits in an engine's tables. */
public final class EngineTableScan {

  private EngineTableScan() {}

  /** The columns ({@code TABLE.COLUMN}) holding {@code needle} in any of its encodings. */
  public static List<String> find(ProcessEngine engine, String needle) throws SQLException {
    return SecretScanner.builder().text("needle", needle).build()
        .engine(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource())
        .stream().map(SecretHit::location).distinct().toList();
  }
}
