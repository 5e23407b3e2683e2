package org.healthhub.workers.config;

import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.keys.KeyCustody;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.launch.EngineCredentials;
import org.healthhub.workers.launch.StandaloneLauncher;
import org.healthhub.workers.launch.WorkerProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The handlers as a worker process of their own, polling the engine's REST API
 * ({@code healthhub.workers.engine-rest-url}); start the engine app with
 * {@code healthhub.workers.in-process=false} to leave every task to such workers. It signs in as
 * {@code healthhub.workers.engine.user} (a member of the engine's {@code workers} group).
 *
 * <p>One party's worker is given that party's keystore passphrase only: in a deployment its
 * keystore directory, party and passphrase file ({@code healthhub.keystores.dir}, {@code .party},
 * {@code .passphrase-file}; see {@link org.healthhub.workers.keys.KeyringSettings}), else
 * {@code healthhub.keystores.passphrases.<user>}. It serves the topics that keystore allows and
 * refuses to start when a listed topic needs another party's ({@link KeyCustody}).
 */
@SpringBootApplication
@EnableConfigurationProperties(EngineCredentials.class)
public class StandaloneWorkerApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(StandaloneWorkerApplication.class).web(WebApplicationType.NONE).run(args);
  }

  @Bean(destroyMethod = "close")
  StandaloneLauncher standaloneLauncher(Subscriptions subscriptions, TaskRunner runner, WorkerProperties properties,
      KeyCustody custody, Keyring keyring, EngineCredentials credentials) {
    return StandaloneLauncher.start(custody.servable(subscriptions, properties.topics(), keyring), runner, properties,
        credentials);
  }
}
