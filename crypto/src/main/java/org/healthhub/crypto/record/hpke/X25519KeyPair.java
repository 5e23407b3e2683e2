package org.healthhub.crypto.record.hpke;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.SecretBytes;

/** A reader's key pair for receiving wrapped data keys. Immutable; the private half never prints. */
public final class X25519KeyPair {
  public static final int KEY_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] publicKey;
  private final SecretBytes privateKey;

  private X25519KeyPair(byte[] publicKey, SecretBytes privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  public static X25519KeyPair generate() {
    return fromPrivate(new X25519PrivateKeyParameters(RANDOM));
  }

  /**
   * Rebuilds the pair from its 32-byte private key (as a keystore holds it).
   *
   * @throws MalformedInputException if the key is not 32 bytes
   */
  public static X25519KeyPair fromPrivateKey(SecretBytes privateKey) throws MalformedInputException {
    if (privateKey.length() != KEY_LENGTH) {
      throw new MalformedInputException(
          "X25519 private key must be " + KEY_LENGTH + " bytes, got " + privateKey.length());
    }
    byte[] raw = privateKey.copySecret();
    try {
      return fromPrivate(new X25519PrivateKeyParameters(raw, 0));
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
  }

  private static X25519KeyPair fromPrivate(X25519PrivateKeyParameters key) {
    return new X25519KeyPair(key.generatePublicKey().getEncoded(), SecretBytes.copyOf(key.getEncoded()));
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public SecretBytes privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "X25519KeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + ", private=redacted]";
  }
}
