package org.healthhub.processes.record;

import org.healthhub.workers.record.SealedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine-side parts of the record flows: sealing submitted records, keeping them out of history. */
@Configuration(proxyBeanMethods = false)
class RecordFlowConfiguration {

  @Bean
  SealRecordInputs sealRecordInputs(SealedRecords records) {
    return new SealRecordInputs(records);
  }

  @Bean
  PlaintextHistoryPlugin plaintextHistoryPlugin() {
    return new PlaintextHistoryPlugin();
  }
}
