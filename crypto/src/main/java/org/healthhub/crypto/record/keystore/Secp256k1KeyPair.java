package org.healthhub.crypto.record.keystore;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.util.BigIntegers;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.SecretBytes;

/** A user's chain key (secp256k1). Immutable; the private scalar never prints. */
public final class Secp256k1KeyPair {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] publicKey;
  private final SecretBytes privateKey;

  private Secp256k1KeyPair(byte[] publicKey, SecretBytes privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  public static Secp256k1KeyPair generate() {
    BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, CURVE.getN().subtract(BigInteger.ONE), RANDOM);
    return of(d);
  }

  /** @throws MalformedInputException unless the key is 32 bytes encoding a scalar in [1, n-1] */
  public static Secp256k1KeyPair fromPrivateKey(SecretBytes privateKey) throws MalformedInputException {
    if (privateKey.length() != 32) {
      throw new MalformedInputException("secp256k1 private key must be 32 bytes, got " + privateKey.length());
    }
    byte[] raw = privateKey.copySecret();
    BigInteger d = new BigInteger(1, raw);
    java.util.Arrays.fill(raw, (byte) 0);
    if (d.signum() == 0 || d.compareTo(CURVE.getN()) >= 0) {
      throw new MalformedInputException("secp256k1 private key outside [1, n-1]");
    }
    return of(d);
  }

  private static Secp256k1KeyPair of(BigInteger d) {
    byte[] publicKey = CURVE.getG().multiply(d).normalize().getEncoded(true);
    return new Secp256k1KeyPair(publicKey, SecretBytes.copyOf(BigIntegers.asUnsignedByteArray(32, d)));
  }

  /** SEC 1 compressed point, 33 bytes. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public SecretBytes privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "Secp256k1KeyPair[public=" + HexFormat.of().formatHex(publicKey) + ", private=redacted]";
  }
}
