package org.healthhub.workers.record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.envelope.DecryptionFailedIOException;
import org.healthhub.crypto.record.envelope.EnvelopeJson;
import org.healthhub.crypto.record.envelope.ReaderWrap;
import org.healthhub.crypto.record.envelope.RecordEnvelope;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.storage.StorageException;
import org.healthhub.workers.keys.Keyring;

/**
 * Records sealed with {@link RecordEnvelope} and kept in the blob store as one blob: the envelope
 * (its readers' wraps, {@link EnvelopeJson}) followed by the payload ciphertext. Sharing and
 * revoking write a new blob with another envelope and the same ciphertext; the CID names the pair.
 */
public final class SealedRecords {

  /** Records are JSON documents; an envelope of a few readers is far below this. */
  private static final int MAX_ENVELOPE_BYTES = 1 << 20;

  private final BlobStore store;
  private final Keyring keyring;

  public SealedRecords(BlobStore store, Keyring keyring) {
    this.store = store;
    this.keyring = keyring;
  }

  /** Seals {@code plaintext} for {@code readers} (user ids) and stores it; returns the CID. */
  public String seal(String recordId, byte[] plaintext, List<String> readers) throws IOException, GeneralSecurityException {
    return store(sealToBytes(recordId, plaintext, readers));
  }

  /** Seals {@code plaintext} for {@code readers} into the blob's bytes, without storing them. */
  public byte[] sealToBytes(String recordId, byte[] plaintext, List<String> readers)
      throws IOException, GeneralSecurityException {
    Map<String, byte[]> publicKeys = new LinkedHashMap<>();
    for (String reader : readers) {
      publicKeys.put(reader, keyring.wrappingPublicKey(reader));
    }
    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(plaintext.length + 1024);
    RecordEnvelope envelope = RecordEnvelope.seal(recordId, new ByteArrayInputStream(plaintext), ciphertext, publicKeys);
    return blobOf(envelope, ciphertext.toByteArray());
  }

  /** Stores sealed bytes from {@link #sealToBytes}; the same bytes give the same CID. */
  public String store(byte[] sealed) throws StorageException {
    return store.put(new ByteArrayInputStream(sealed)).cid().toString();
  }

  /**
   * Opens the record as {@code readerId}.
   *
   * @throws java.util.NoSuchElementException if the reader has no wrap
   * @throws org.healthhub.crypto.record.DecryptionFailedException if it does not authenticate
   */
  public byte[] open(String cid, String readerId) throws IOException, GeneralSecurityException {
    Blob blob = read(cid);
    try (InputStream plaintext = blob.envelope().open(readerId, readerKeys(blob.envelope(), readerId),
        new ByteArrayInputStream(blob.ciphertext()))) {
      return plaintext.readAllBytes();
    } catch (DecryptionFailedIOException e) {
      throw e.getCause();
    }
  }

  public RecordEnvelope envelope(String cid) throws IOException, GeneralSecurityException {
    return read(cid).envelope();
  }

  /** {@code granterId} wraps the data key for {@code readerId}; returns the CID of the shared record. */
  public String share(String cid, String granterId, String readerId) throws IOException, GeneralSecurityException {
    Blob blob = read(cid);
    RecordEnvelope shared = blob.envelope().share(granterId, readerKeys(blob.envelope(), granterId), readerId,
        keyring.wrappingPublicKey(readerId));
    return put(shared, blob.ciphertext());
  }

  /** Drops {@code readerId}'s wrap; returns the CID of the record without it. */
  public String revoke(String cid, String readerId) throws IOException, GeneralSecurityException {
    Blob blob = read(cid);
    return put(blob.envelope().revoke(readerId), blob.ciphertext());
  }

  /**
   * Re-seals the record under a fresh data key for its current readers, {@code ownerId} opening the
   * old one; returns the new CID. A reader dropped before keeps nothing that opens the new blob:
   * neither an old wrap nor a data key it may have copied.
   */
  public String rotate(String cid, String ownerId) throws IOException, GeneralSecurityException {
    Blob blob = read(cid);
    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(blob.ciphertext().length + 1024);
    RecordEnvelope rotated = blob.envelope().rotate(ownerId, readerKeys(blob.envelope(), ownerId),
        new ByteArrayInputStream(blob.ciphertext()), ciphertext);
    return put(rotated, ciphertext.toByteArray());
  }

  /** The reader's key pair the envelope's wrap was made for: the current one, or a retired one after a rotation. */
  private X25519KeyPair readerKeys(RecordEnvelope envelope, String readerId) throws IOException, GeneralSecurityException {
    ReaderWrap wrap = envelope.wraps().get(readerId);
    if (wrap == null) {
      throw new java.util.NoSuchElementException("reader " + readerId + " has no access to record " + envelope.recordId());
    }
    return keyring.wrappingKeyFor(readerId, wrap.publicKey());
  }

  private record Blob(RecordEnvelope envelope, byte[] ciphertext) {}

  private String put(RecordEnvelope envelope, byte[] ciphertext) throws StorageException {
    return store(blobOf(envelope, ciphertext));
  }

  private static byte[] blobOf(RecordEnvelope envelope, byte[] ciphertext) {
    byte[] header = EnvelopeJson.encode(envelope).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream blob = new ByteArrayOutputStream(4 + header.length + ciphertext.length);
    try (DataOutputStream out = new DataOutputStream(blob)) {
      out.writeInt(header.length);
      out.write(header);
      out.write(ciphertext);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return blob.toByteArray();
  }

  private Blob read(String cid) throws IOException, GeneralSecurityException {
    try (DataInputStream in = new DataInputStream(store.get(Cid.parse(cid)))) {
      int headerLength = in.readInt();
      if (headerLength <= 0 || headerLength > MAX_ENVELOPE_BYTES) {
        throw new MalformedInputException("blob " + cid + " is not a sealed record (envelope of " + headerLength + " bytes)");
      }
      String header = new String(in.readNBytes(headerLength), StandardCharsets.UTF_8);
      return new Blob(EnvelopeJson.decode(header), in.readAllBytes());
    }
  }
}
