package org.healthhub.storage;

/** A string or byte sequence that is not a CIDv0 (base58btc sha2-256 multihash); the message says why. */
public final class InvalidCidException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidCidException(String reason) {
    super(reason);
  }
}
