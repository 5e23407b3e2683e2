package org.healthhub.processes.workers;

import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.TaskRunner;
import org.healthhub.workers.keys.KeyCustody;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.healthhub.workers.launch.InProcessLauncher;
import org.healthhub.workers.launch.WorkerProperties;
import org.operaton.bpm.engine.ExternalTaskService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs every handler inside the engine app unless {@code healthhub.workers.in-process=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "healthhub.workers.in-process", havingValue = "true", matchIfMissing = true)
class InProcessWorkers {

  @Bean
  ExternalTaskWakeUp externalTaskWakeUp() {
    return new ExternalTaskWakeUp();
  }

  @Bean
  InProcessLauncher inProcessLauncher(ExternalTaskService externalTaskService, Subscriptions subscriptions,
      TaskRunner runner, WorkerProperties properties, KeyCustody custody, Keyring keyring, ExternalTaskWakeUp wakeUp) {
    ExternalTaskPoller poller = new ExternalTaskPoller(externalTaskService,
        custody.servable(subscriptions, properties.topics(), keyring), runner,
        properties.workerId() + "-in-process", properties.lockDuration());
    InProcessLauncher launcher = new InProcessLauncher(poller, properties);
    wakeUp.onTaskCommitted(launcher::wake);
    return launcher;
  }
}
