package org.healthhub.processes.opening;

/**
 * The signed-in manager holds no key share in this app (no keystore of theirs is configured), so
 * no opening report can be opened for them: a refusal of the user, not a failure of the app.
 */
public final class NoKeyShareException extends Exception {

  public NoKeyShareException(String message) {
    super(message);
  }
}
