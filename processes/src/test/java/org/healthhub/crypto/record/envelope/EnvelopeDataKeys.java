package org.healthhub.crypto.record.envelope;

import java.security.GeneralSecurityException;
import java.util.NoSuchElementException;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.hpke.HpkeKeyWrapper;
import org.healthhub.crypto.record.hpke.X25519KeyPair;

/**
 * Test support: unwraps a record's data key as its reader does, so tests can look for that key
 * where it must never be. Lives in the envelope's package to reach the wrap context without a
 * production accessor that would hand data keys out.
 */
public final class EnvelopeDataKeys {

  private EnvelopeDataKeys() {}

  /**
   * @throws NoSuchElementException if {@code readerId} has no wrap in {@code envelope}
   * @throws org.healthhub.crypto.record.DecryptionFailedException if the wrap does not open with
   *     {@code readerKeys}
   */
  public static SecretBytes unwrap(RecordEnvelope envelope, String readerId, X25519KeyPair readerKeys)
      throws GeneralSecurityException {
    ReaderWrap wrap = envelope.wraps().get(readerId);
    if (wrap == null) {
      throw new NoSuchElementException("reader " + readerId + " has no wrap in " + envelope);
    }
    return new HpkeKeyWrapper().unwrap(wrap.wrap(), readerKeys,
        RecordEnvelope.wrapContext(envelope.recordId(), envelope.keyVersion(), readerId));
  }
}
