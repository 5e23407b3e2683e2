package org.healthhub.chain;

/** A chain operation that did not complete: RPC failure, missing receipt, malformed reply. Usually worth a retry. */
public class ChainException extends Exception {
  public ChainException(String message) {
    super(message);
  }

  public ChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
