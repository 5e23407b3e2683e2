package org.healthhub.workers.opening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.hpke.HpkeKeyWrap;
import org.healthhub.crypto.record.hpke.HpkeKeyWrapper;
import org.healthhub.crypto.record.hpke.X25519KeyPair;

/**
 * Bytes only the two managers can read: a fresh data key wrapped with HPKE to the Group Manager's
 * and to the Revocation Manager's X25519 key, the bytes sealed under it with AES-256-GCM. Both the
 * wraps and the ciphertext are bound to a context naming what the bytes are (which partial opening,
 * which result), so a box moved to another place does not open. Layout: version, GM wrap, RM
 * wrap, nonce, ciphertext.
 */
public final class ManagersBox {
  private static final byte VERSION = 1;
  private static final int NONCE_LENGTH = 12;
  private static final int HEADER = 1 + 2 * HpkeKeyWrap.ENCODED_LENGTH + NONCE_LENGTH;
  private static final HpkeKeyWrapper WRAPPER = new HpkeKeyWrapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ManagersBox() {}

  /** Seals {@code plaintext} to both managers' public keys. */
  public static byte[] seal(byte[] plaintext, ManagerKeys managers, String context) throws GeneralSecurityException {
    byte[] bound = context.getBytes(StandardCharsets.UTF_8);
    SecretBytes dataKey = SecretBytes.random(32);
    try {
      byte[] nonce = new byte[NONCE_LENGTH];
      RANDOM.nextBytes(nonce);
      ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + plaintext.length + 16);
      out.write(VERSION);
      out.writeBytes(WRAPPER.wrap(dataKey, managers.groupManager(), bound).encode());
      out.writeBytes(WRAPPER.wrap(dataKey, managers.revocationManager(), bound).encode());
      out.writeBytes(nonce);
      out.writeBytes(aes(Cipher.ENCRYPT_MODE, dataKey, nonce, bound).doFinal(plaintext));
      return out.toByteArray();
    } finally {
      dataKey.destroy();
    }
  }

  /**
   * Opens a box as one of the managers.
   *
   * @throws MalformedInputException if the bytes are not a box of this version
   * @throws DecryptionFailedException if it was sealed to other keys, for another context, or altered
   */
  public static byte[] open(byte[] sealed, ManagerRole reader, X25519KeyPair readerKey, String context)
      throws GeneralSecurityException {
    if (sealed.length < HEADER + 16 || sealed[0] != VERSION) {
      throw new MalformedInputException("not a managers' box of version " + VERSION + " (" + sealed.length + " bytes)");
    }
    byte[] bound = context.getBytes(StandardCharsets.UTF_8);
    int wrapAt = reader == ManagerRole.GROUP_MANAGER ? 1 : 1 + HpkeKeyWrap.ENCODED_LENGTH;
    HpkeKeyWrap wrap = HpkeKeyWrap.parse(Arrays.copyOfRange(sealed, wrapAt, wrapAt + HpkeKeyWrap.ENCODED_LENGTH));
    SecretBytes dataKey = WRAPPER.unwrap(wrap, readerKey, bound);
    try {
      byte[] nonce = Arrays.copyOfRange(sealed, HEADER - NONCE_LENGTH, HEADER);
      return aes(Cipher.DECRYPT_MODE, dataKey, nonce, bound).doFinal(sealed, HEADER, sealed.length - HEADER);
    } catch (AEADBadTagException e) {
      throw new DecryptionFailedException("the managers' box was altered or sealed for another context", e);
    } finally {
      dataKey.destroy();
    }
  }

  private static Cipher aes(int mode, SecretBytes dataKey, byte[] nonce, byte[] context) throws GeneralSecurityException {
    byte[] key = dataKey.copySecret();
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      aes.updateAAD(context);
      return aes;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
