package org.healthhub.crypto.record.keystore;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.healthhub.crypto.record.hpke.X25519KeyPair;

/**
 * Everything a user holds: an X25519 pair for receiving wrapped keys and a secp256k1 pair for the
 * chain, plus the pairs retired by rotation (newest first). New wraps and new transactions use the
 * current pairs; retired ones only open what was sealed to them and sign for what they own on chain.
 */
public record UserKeys(X25519KeyPair wrapping, Secp256k1KeyPair chain, List<X25519KeyPair> retiredWrapping,
    List<Secp256k1KeyPair> retiredChain) {

  public UserKeys {
    retiredWrapping = List.copyOf(retiredWrapping);
    retiredChain = List.copyOf(retiredChain);
  }

  public UserKeys(X25519KeyPair wrapping, Secp256k1KeyPair chain) {
    this(wrapping, chain, List.of(), List.of());
  }

  public static UserKeys generate() {
    return new UserKeys(X25519KeyPair.generate(), Secp256k1KeyPair.generate());
  }

  /** A fresh X25519 pair; the current one is kept as the newest retired pair. */
  public UserKeys rotateWrapping() {
    return new UserKeys(X25519KeyPair.generate(), chain, prepend(wrapping, retiredWrapping), retiredChain);
  }

  /** A fresh secp256k1 pair; the current one is kept as the newest retired pair. */
  public UserKeys rotateChain() {
    return new UserKeys(wrapping, Secp256k1KeyPair.generate(), retiredWrapping, prepend(chain, retiredChain));
  }

  /** The current pair first, then the retired ones, newest first. */
  public List<X25519KeyPair> allWrapping() {
    return prepend(wrapping, retiredWrapping);
  }

  /** The current pair first, then the retired ones, newest first. */
  public List<Secp256k1KeyPair> allChain() {
    return prepend(chain, retiredChain);
  }

  /** The pair (current or retired) whose public key is {@code publicKey}. */
  public Optional<X25519KeyPair> wrappingFor(byte[] publicKey) {
    return allWrapping().stream().filter(pair -> MessageDigest.isEqual(pair.publicKey(), publicKey)).findFirst();
  }

  private static <T> List<T> prepend(T first, List<T> rest) {
    List<T> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return "UserKeys[" + wrapping + ", " + chain + ", retired " + retiredWrapping.size() + " X25519 and "
        + retiredChain.size() + " secp256k1, private keys redacted]";
  }
}
