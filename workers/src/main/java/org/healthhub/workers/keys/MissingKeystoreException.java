package org.healthhub.workers.keys;

/**
 * A process was asked to serve topics whose handlers open a keystore it was not given: it stops
 * at start rather than fail every task of those topics later.
 */
public final class MissingKeystoreException extends IllegalStateException {

  public MissingKeystoreException(String message) {
    super(message);
  }
}
