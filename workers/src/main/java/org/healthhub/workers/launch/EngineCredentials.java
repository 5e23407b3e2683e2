package org.healthhub.workers.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine account the standalone worker app signs in with ({@code healthhub.workers.engine.*}):
 * a member of the engine's {@code workers} group, which may fetch, lock and complete external tasks.
 *
 * @param user the engine user id
 * @param password its password; pass it from a secret store (environment), never a committed file
 */
@ConfigurationProperties("healthhub.workers.engine")
public record EngineCredentials(String user, String password) {

  public EngineCredentials {
    if (user == null || user.isBlank() || password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "the engine REST API needs a login: set healthhub.workers.engine.user and healthhub.workers.engine.password");
    }
  }

  @Override
  public String toString() {
    return "EngineCredentials[user=" + user + ", password=(hidden)]";
  }
}
