package org.healthhub.processes.opening;

import java.util.Map;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;

/** An in-memory engine of its own for the opening tests, with the managers as users in their groups. */
final class OpeningTestEngine {
  private static ProcessEngine engine;

  private OpeningTestEngine() {}

  static synchronized ProcessEngine inMemory() {
    if (engine == null) {
      engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
          .setProcessEngineName("opening-tests")
          .setJdbcUrl("jdbc:h2:mem:opening-tests;DB_CLOSE_DELAY=-1")
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
          .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
          .setJobExecutorActivate(false)
          .buildProcessEngine();
    }
    return engine;
  }

  /** alice and bob manage groups, carol revokes, dave (wrongly) sits in both. */
  static synchronized void createManagers() {
    IdentityService identity = inMemory().getIdentityService();
    if (identity.createUserQuery().userId("alice").count() > 0) {
      return;
    }
    for (String groupId : new String[] {"groupManagers", "revocationManagers"}) {
      Group group = identity.newGroup(groupId);
      identity.saveGroup(group);
    }
    Map<String, String[]> members = Map.of(
        "alice", new String[] {"groupManagers"},
        "bob", new String[] {"groupManagers"},
        "carol", new String[] {"revocationManagers"},
        "dave", new String[] {"groupManagers", "revocationManagers"});
    members.forEach((userId, groups) -> {
      User user = identity.newUser(userId);
      identity.saveUser(user);
      for (String groupId : groups) {
        identity.createMembership(userId, groupId);
      }
    });
  }
}
