package org.healthhub.processes.dev;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code ./healthhub start} where to go once everything is up. */
@Component
class StartupBanner {

  private final Environment environment;
  private final String dataDir;

  StartupBanner(Environment environment, @Value("${healthhub.data-dir:./data}") String dataDir) {
    this.environment = environment;
    this.dataDir = dataDir;
  }

  @EventListener(ApplicationReadyEvent.class)
  void printAddresses() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    System.out.println();
    System.out.println("HealthHub is up (data in " + dataDir + "):");
    System.out.println("  Tasklist  " + base + "/operaton/app/tasklist/default/");
    System.out.println("  Cockpit   " + base + "/operaton/app/cockpit/default/");
    System.out.println("  Admin     " + base + "/operaton/app/admin/default/");
    System.out.println("  REST      " + base + "/engine-rest");
  }
}
