package org.healthhub.processes.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo users created at first start ({@code healthhub.demo-users.*}).
 *
 * @param enabled create them at all
 * @param passwords password per user id; a user without one gets a generated password, printed once
 */
@ConfigurationProperties("healthhub.demo-users")
record DemoUsersProperties(@DefaultValue("true") boolean enabled, Map<String, String> passwords) {

  DemoUsersProperties {
    passwords = passwords == null ? Map.of() : Map.copyOf(passwords);
  }

  @Override
  public String toString() {
    return "DemoUsersProperties[enabled=" + enabled + ", passwords for " + passwords.keySet() + "]";
  }
}
