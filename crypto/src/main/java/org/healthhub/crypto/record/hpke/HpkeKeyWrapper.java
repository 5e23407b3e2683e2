package org.healthhub.crypto.record.hpke;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.SecretBytes;

/**
 * Wraps 32-byte data keys to a reader's X25519 public key with HPKE (RFC 9180): Base mode,
 * DHKEM(X25519, HKDF-SHA256) 0x0020, HKDF-SHA256 0x0001, AES-256-GCM 0x0002.
 *
 * <p>The caller's {@code context} (record id, reader id, key version) is the HPKE associated data:
 * a wrap moved to another record, reader or version does not open.
 */
public final class HpkeKeyWrapper {
  public static final byte[] INFO = "healthhub/hpke-key-wrap/v1".getBytes(StandardCharsets.US_ASCII);

  /**
   * @throws MalformedInputException if the public key is not 32 bytes or is a low-order point
   */
  public HpkeKeyWrap wrap(SecretBytes dataKey, byte[] recipientPublicKey, byte[] context)
      throws MalformedInputException {
    if (dataKey.length() != 32) {
      throw new IllegalArgumentException("data key must be 32 bytes, got " + dataKey.length());
    }
    HPKE hpke = suite();
    AsymmetricKeyParameter recipient = publicKey(hpke, recipientPublicKey);
    byte[] key = dataKey.copySecret();
    try {
      byte[][] sealed = hpke.seal(recipient, INFO, context, key, null, null, null);
      return HpkeKeyWrap.of(sealed[1], sealed[0]);
    } catch (InvalidCipherTextException | IllegalStateException e) {
      throw new MalformedInputException("recipient public key rejected: " + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * @throws DecryptionFailedException if the wrap was not made for this key pair and context, or was
   *     altered
   */
  public SecretBytes unwrap(HpkeKeyWrap wrap, X25519KeyPair recipient, byte[] context)
      throws DecryptionFailedException {
    HPKE hpke = suite();
    byte[] privateKey = recipient.privateKey().copySecret();
    try {
      AsymmetricCipherKeyPair pair = hpke.deserializePrivateKey(privateKey, recipient.publicKey());
      byte[] key = hpke.open(wrap.encapsulatedKey(), pair, INFO, context, wrap.ciphertext(), null, null, null);
      SecretBytes dataKey = SecretBytes.copyOf(key);
      java.util.Arrays.fill(key, (byte) 0);
      return dataKey;
    } catch (InvalidCipherTextException | IllegalStateException | IllegalArgumentException e) {
      throw new DecryptionFailedException(
          "key wrap does not open with this key pair and context (wrong reader, record or version, or altered)", e);
    } finally {
      java.util.Arrays.fill(privateKey, (byte) 0);
    }
  }

  static HPKE suite() {
    return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }

  private static AsymmetricKeyParameter publicKey(HPKE hpke, byte[] encoded) throws MalformedInputException {
    if (encoded.length != X25519KeyPair.KEY_LENGTH) {
      throw new MalformedInputException(
          "X25519 public key must be " + X25519KeyPair.KEY_LENGTH + " bytes, got " + encoded.length);
    }
    return hpke.deserializePublicKey(encoded);
  }
}
