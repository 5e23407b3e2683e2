package org.healthhub.processes.dev;

import java.nio.file.Path;
import org.healthhub.workers.chain.DataHubAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded default's local services, started with the app when {@code healthhub.chain.local.enabled}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalChainProperties.class)
class DevEnvironment {

  @Bean
  @ConditionalOnProperty(name = "healthhub.chain.local.enabled", havingValue = "true")
  LocalChain localChain(LocalChainProperties properties, @Value("${healthhub.data-dir:./data}") Path dataDir) {
    return new LocalChain(properties, dataDir);
  }

  @Bean
  @ConditionalOnProperty(name = "healthhub.chain.local.enabled", havingValue = "true")
  LocalDataHub localDataHub(DataHubAccess access, LocalChain chain) {
    return new LocalDataHub(access, chain);
  }
}
