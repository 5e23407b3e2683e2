package org.healthhub.processes.siwe;

import java.time.Clock;
import javax.sql.DataSource;
import org.healthhub.workers.chain.DataHubAccess;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiweProperties.class)
class SiweConfiguration {

  @Bean
  SiweLogin siweLogin(SiweProperties properties, IdentityService identity, DataHubAccess chain,
      DataSource dataSource) {
    Clock clock = Clock.systemUTC();
    return new SiweLogin(properties, SiweNonces.in(dataSource, properties.nonceTtl(), clock),
        new ChainAccounts(identity, chain), clock);
  }
}
