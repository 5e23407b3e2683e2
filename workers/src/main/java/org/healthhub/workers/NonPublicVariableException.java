package org.healthhub.workers;

/** A handler tried to set a process variable that is not on the allow-list of public kinds. */
public final class NonPublicVariableException extends IllegalArgumentException {

  NonPublicVariableException(String message) {
    super(message);
  }
}
