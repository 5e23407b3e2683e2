package org.healthhub.crypto.record.keystore;

import org.healthhub.crypto.record.hpke.X25519KeyPair;

/** Everything a user holds: an X25519 pair for receiving wrapped keys and a secp256k1 pair for the chain. */
public record UserKeys(X25519KeyPair wrapping, Secp256k1KeyPair chain) {
  public static UserKeys generate() {
    return new UserKeys(X25519KeyPair.generate(), Secp256k1KeyPair.generate());
  }
}
