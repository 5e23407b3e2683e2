package org.healthhub.processes;

import org.healthhub.workers.config.WorkersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The engine app: Operaton with REST, Tasklist, Cockpit and Admin, the HealthHub flows and, by default, their workers. */
@SpringBootApplication
@Import(WorkersConfiguration.class)
public class HealthHubProcessesApplication {

  public static void main(String[] args) {
    SpringApplication.run(HealthHubProcessesApplication.class, args);
  }
}
