package org.healthhub.processes.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates one group per {@link Role} and one demo user in it, idempotently: what exists is left
 * alone, so a generated password is shown once, when its user is created, and never again.
 */
@Component
@EnableConfigurationProperties(DemoUsersProperties.class)
@ConditionalOnProperty(name = "healthhub.demo-users.enabled", havingValue = "true", matchIfMissing = true)
class DemoUsers implements ApplicationRunner {

  private final IdentityService identity;
  private final DemoUsersProperties properties;
  private final SecureRandom random = new SecureRandom();

  DemoUsers(IdentityService identity, DemoUsersProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> generated = new ArrayList<>();
    for (Role role : Role.values()) {
      ensureGroup(role);
      if (identity.createUserQuery().userId(role.userId).count() == 0) {
        String password = properties.passwords().get(role.userId);
        if (password == null) {
          password = generatePassword();
          generated.add(role.userId + " / " + password);
        }
        createUser(role, password);
      }
    }
    if (!generated.isEmpty()) {
      // Deliberately on the console and not through the logger: shown once, never stored in log files.
      System.out.println("HealthHub demo users created (user / password), shown only this once:");
      generated.forEach(line -> System.out.println("  " + line));
    }
  }

  private void ensureGroup(Role role) {
    if (identity.createGroupQuery().groupId(role.groupId).count() == 0) {
      Group group = identity.newGroup(role.groupId);
      group.setName(role.groupName);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void createUser(Role role, String password) {
    User user = identity.newUser(role.userId);
    user.setFirstName("Demo");
    user.setLastName(role.groupName);
    user.setEmail(role.userId + "@healthhub.invalid");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(role.userId, role.groupId);
  }

  private String generatePassword() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
