package org.healthhub.crypto.record.envelope;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.hpke.HpkeKeyWrapper;
import org.healthhub.crypto.record.hpke.X25519KeyPair;

/**
 * Envelope encryption of one record: the payload is sealed once under a fresh 256-bit data key
 * ({@link StreamingAead}); the data key is wrapped to each reader with HPKE. Immutable: sharing,
 * revoking and rotating return a new envelope.
 *
 * <p>Sharing adds a wrap and never touches the payload. Revoking drops a wrap; a reader who already
 * unwrapped the key may have kept it, so revoke and then {@link #rotate} when that matters.
 */
public final class RecordEnvelope {
  private static final HpkeKeyWrapper WRAPPER = new HpkeKeyWrapper();
  private final String recordId;
  private final int keyVersion;
  private final SortedMap<String, ReaderWrap> wraps;

  RecordEnvelope(String recordId, int keyVersion, SortedMap<String, ReaderWrap> wraps) {
    this.recordId = recordId;
    this.keyVersion = keyVersion;
    this.wraps = Collections.unmodifiableSortedMap(wraps);
  }

  /**
   * Seals {@code plaintext} into {@code ciphertext} (both streamed, closed here) under a fresh data
   * key wrapped to every reader in {@code readerPublicKeys}.
   */
  public static RecordEnvelope seal(
      String recordId, InputStream plaintext, OutputStream ciphertext, Map<String, byte[]> readerPublicKeys)
      throws IOException, GeneralSecurityException {
    return sealVersion(recordId, 1, plaintext, ciphertext, readerPublicKeys);
  }

  private static RecordEnvelope sealVersion(
      String recordId, int keyVersion, InputStream plaintext, OutputStream ciphertext, Map<String, byte[]> readers)
      throws IOException, GeneralSecurityException {
    if (readers.isEmpty()) {
      throw new IllegalArgumentException("a record needs at least one reader");
    }
    SecretBytes dataKey = SecretBytes.random(32);
    try {
      try (OutputStream sealing =
          StreamingAead.create(dataKey).newEncryptingStream(ciphertext, payloadContext(recordId, keyVersion))) {
        plaintext.transferTo(sealing);
      }
      SortedMap<String, ReaderWrap> wraps = new TreeMap<>();
      for (Map.Entry<String, byte[]> reader : readers.entrySet()) {
        wraps.put(reader.getKey(), wrapFor(recordId, keyVersion, dataKey, reader.getKey(), reader.getValue()));
      }
      return new RecordEnvelope(recordId, keyVersion, wraps);
    } finally {
      dataKey.destroy();
    }
  }

  /**
   * Opens the payload for {@code readerId}. Reads of the returned stream throw
   * {@link DecryptionFailedIOException} on any altered, truncated or reordered segment.
   *
   * @throws NoSuchElementException if the reader has no wrap
   * @throws org.healthhub.crypto.record.DecryptionFailedException if the wrap does not open with
   *     {@code readerKeys}
   */
  public InputStream open(String readerId, X25519KeyPair readerKeys, InputStream ciphertext)
      throws IOException, GeneralSecurityException {
    SecretBytes dataKey = unwrap(readerId, readerKeys);
    return StreamingAead.create(dataKey).newDecryptingStream(ciphertext, payloadContext(recordId, keyVersion));
  }

  /** Grants {@code readerId} access: {@code granterId} unwraps the data key and wraps it anew. */
  public RecordEnvelope share(String granterId, X25519KeyPair granterKeys, String readerId, byte[] readerPublicKey)
      throws GeneralSecurityException {
    SecretBytes dataKey = unwrap(granterId, granterKeys);
    try {
      SortedMap<String, ReaderWrap> next = new TreeMap<>(wraps);
      next.put(readerId, wrapFor(recordId, keyVersion, dataKey, readerId, readerPublicKey));
      return new RecordEnvelope(recordId, keyVersion, next);
    } finally {
      dataKey.destroy();
    }
  }

  /** Drops {@code readerId}'s wrap. @throws NoSuchElementException if there is none */
  public RecordEnvelope revoke(String readerId) {
    requireReader(readerId);
    if (wraps.size() == 1) {
      throw new IllegalStateException("revoking the last reader would make the record unreadable");
    }
    SortedMap<String, ReaderWrap> next = new TreeMap<>(wraps);
    next.remove(readerId);
    return new RecordEnvelope(recordId, keyVersion, next);
  }

  /**
   * Re-seals the payload under a fresh data key (version + 1) for the current readers; the old
   * ciphertext is authenticated completely while being copied.
   */
  public RecordEnvelope rotate(
      String readerId, X25519KeyPair readerKeys, InputStream oldCiphertext, OutputStream newCiphertext)
      throws IOException, GeneralSecurityException {
    Map<String, byte[]> readers = new TreeMap<>();
    wraps.forEach((id, wrap) -> readers.put(id, wrap.publicKey()));
    try (InputStream plaintext = open(readerId, readerKeys, oldCiphertext)) {
      return sealVersion(recordId, keyVersion + 1, plaintext, newCiphertext, readers);
    }
  }

  public String recordId() {
    return recordId;
  }

  public int keyVersion() {
    return keyVersion;
  }

  public SortedMap<String, ReaderWrap> wraps() {
    return wraps;
  }

  private SecretBytes unwrap(String readerId, X25519KeyPair keys) throws GeneralSecurityException {
    ReaderWrap wrap = requireReader(readerId);
    return WRAPPER.unwrap(wrap.wrap(), keys, wrapContext(recordId, keyVersion, readerId));
  }

  private ReaderWrap requireReader(String readerId) {
    ReaderWrap wrap = wraps.get(readerId);
    if (wrap == null) {
      throw new NoSuchElementException("reader " + readerId + " has no access to record " + recordId);
    }
    return wrap;
  }

  private static ReaderWrap wrapFor(
      String recordId, int keyVersion, SecretBytes dataKey, String readerId, byte[] publicKey)
      throws GeneralSecurityException {
    return new ReaderWrap(
        readerId, publicKey, WRAPPER.wrap(dataKey, publicKey, wrapContext(recordId, keyVersion, readerId)));
  }

  static byte[] payloadContext(String recordId, int keyVersion) {
    return context("payload", recordId, keyVersion, "");
  }

  static byte[] wrapContext(String recordId, int keyVersion, String readerId) {
    return context("wrap", recordId, keyVersion, readerId);
  }

  private static byte[] context(String purpose, String recordId, int keyVersion, String readerId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("healthhub/record-envelope/" + purpose);
      out.writeUTF(recordId);
      out.writeInt(keyVersion);
      out.writeUTF(readerId);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public String toString() {
    return "RecordEnvelope[" + recordId + ", v" + keyVersion + ", readers=" + wraps.keySet() + "]";
  }
}
