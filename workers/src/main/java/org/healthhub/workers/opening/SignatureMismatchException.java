package org.healthhub.workers.opening;

/** The signature an opening task would open is not the one that was disputed or requested. */
public final class SignatureMismatchException extends Exception {
  public SignatureMismatchException(String reason) {
    super(reason);
  }
}
