package org.healthhub.processes.restart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.HealthHubProcessesApplication;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine app as the embedded default runs it (H2 file, anvil with its state file, handler
 * state, all under one data directory), started and stopped inside the test JVM so it can be
 * restarted on the same directory. Its engine has a name of its own, so that it never takes the
 * place of another test's cached engine in the JVM-wide engine registry.
 */
final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts the app on {@code dataDir}; its in-process workers serve {@code topics}, all when empty. */
  static RunningApp start(Path dataDir, int chainPort, List<String> topics, Map<String, String> passphrases) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.jmx.enabled=false",
        "--operaton.bpm.process-engine-name=restarttest",
        "--healthhub.data-dir=" + dataDir,
        "--healthhub.tools.dir=" + System.getProperty("healthhub.tools.dir"),
        "--healthhub.chain.local.enabled=true",
        "--healthhub.chain.local.port=" + chainPort));
    if (!topics.isEmpty()) {
      arguments.add("--healthhub.workers.topics=" + String.join(",", topics));
    }
    passphrases.forEach((user, passphrase) -> arguments.add("--healthhub.keystores.passphrases." + user + "=" + passphrase));
    return new RunningApp(new SpringApplicationBuilder(HealthHubProcessesApplication.class).profiles("test")
        .run(arguments.toArray(String[]::new)));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  RuntimeService runtime() {
    return bean(RuntimeService.class);
  }

  TaskService tasks() {
    return bean(TaskService.class);
  }

  HistoryService history() {
    return bean(HistoryService.class);
  }

  IdentityService identity() {
    return bean(IdentityService.class);
  }

  ExternalTaskService externalTasks() {
    return bean(ExternalTaskService.class);
  }

  /** Starts {@code processKey} as {@code user} signed in (its initiator). */
  String startAs(String user, String processKey, Map<String, Object> variables) {
    EngineApp.signIn(identity(), user);
    try {
      return runtime().startProcessInstanceByKey(processKey, variables).getId();
    } finally {
      identity().clearAuthentication();
    }
  }

  /** An orderly stop: the workers finish what they hold, anvil writes its state, the H2 file is closed. */
  @Override
  public void close() {
    context.close();
  }
}
