package org.healthhub.workers.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.envelope.DecryptionFailedIOException;
import org.healthhub.crypto.record.envelope.StreamingAead;
import org.healthhub.crypto.record.hpke.HpkeKeyWrap;
import org.healthhub.crypto.record.hpke.HpkeKeyWrapper;
import org.healthhub.crypto.record.hpke.X25519KeyPair;

/**
 * A small secret sealed to one X25519 public key: a fresh data key wrapped with HPKE, the bytes
 * sealed under it with {@link StreamingAead}. Both are bound to a context naming what the bytes
 * are (a join message at a given step, a keystore entry), so a box opened in another place fails.
 * Used for join messages passed between workers, member keys and the manager's secrets at rest.
 */
public final class SealedBox {

  private static final byte VERSION = 1;
  private static final HpkeKeyWrapper WRAPPER = new HpkeKeyWrapper();

  private SealedBox() {}

  /** Seals {@code plaintext} so that only the holder of {@code recipientPublicKey}'s private key opens it. */
  public static byte[] seal(byte[] plaintext, byte[] recipientPublicKey, String context) throws GeneralSecurityException {
    byte[] bound = context.getBytes(StandardCharsets.UTF_8);
    SecretBytes dataKey = SecretBytes.random(32);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 256);
      out.write(VERSION);
      out.writeBytes(WRAPPER.wrap(dataKey, recipientPublicKey, bound).encode());
      try (OutputStream sealing = StreamingAead.create(dataKey).newEncryptingStream(out, bound)) {
        sealing.write(plaintext);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    } finally {
      dataKey.destroy();
    }
  }

  /**
   * Opens a box sealed by {@link #seal} with the same context.
   *
   * @throws MalformedInputException if the bytes are not a sealed box
   * @throws org.healthhub.crypto.record.DecryptionFailedException if it was sealed to another key,
   *     for another context, or altered
   */
  public static byte[] open(byte[] sealed, X25519KeyPair recipient, String context) throws GeneralSecurityException {
    if (sealed.length < 1 + HpkeKeyWrap.ENCODED_LENGTH || sealed[0] != VERSION) {
      throw new MalformedInputException("not a sealed box of version " + VERSION + " (" + sealed.length + " bytes)");
    }
    byte[] bound = context.getBytes(StandardCharsets.UTF_8);
    HpkeKeyWrap wrap = HpkeKeyWrap.parse(Arrays.copyOfRange(sealed, 1, 1 + HpkeKeyWrap.ENCODED_LENGTH));
    SecretBytes dataKey = WRAPPER.unwrap(wrap, recipient, bound);
    InputStream ciphertext = new ByteArrayInputStream(sealed, 1 + HpkeKeyWrap.ENCODED_LENGTH,
        sealed.length - 1 - HpkeKeyWrap.ENCODED_LENGTH);
    try (InputStream opening = StreamingAead.create(dataKey).newDecryptingStream(ciphertext, bound)) {
      return opening.readAllBytes();
    } catch (DecryptionFailedIOException e) {
      throw e.getCause();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    } finally {
      dataKey.destroy();
    }
  }
}
