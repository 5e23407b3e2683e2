package org.healthhub.crypto.record.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.Hkdf;
import org.healthhub.crypto.record.SecretBytes;

/**
 * AES-256-GCM in fixed-size segments with a key derived per stream (the shape of Tink's
 * AES-GCM-HKDF streaming AEAD), so a payload of any size is sealed and opened in constant memory.
 *
 * <p>Stream layout: header {@code version(1) || segmentSize(4) || salt(32) || noncePrefix(7)},
 * then segments of {@code segmentSize} plaintext bytes, each followed by its 16-byte tag; the last
 * segment may be shorter (or empty). Segment key = HKDF-SHA256(dataKey, salt, label || version ||
 * segmentSize || associatedData); segment nonce = noncePrefix || index (4 bytes, big endian) ||
 * lastFlag (1 byte). Every header byte thus feeds the key or the nonce: altering it, reordering,
 * truncating or extending segments makes a tag fail.
 *
 * <p>Guarantees: decryption releases a segment's plaintext only after its tag has verified; the end
 * of the plaintext is reported only after a segment flagged last has verified.
 */
public final class StreamingAead {
  public static final int HEADER_LENGTH = 1 + 4 + 32 + 7;
  public static final int TAG_LENGTH = 16;
  public static final int MIN_SEGMENT_SIZE = 4096;
  public static final int MAX_SEGMENT_SIZE = 8 << 20;
  public static final int DEFAULT_SEGMENT_SIZE = 256 << 10;
  static final byte VERSION = 1;
  private static final byte[] LABEL = "healthhub/streaming-aead/v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretBytes dataKey;
  private final int segmentSize;

  private StreamingAead(SecretBytes dataKey, int segmentSize) {
    this.dataKey = dataKey;
    this.segmentSize = segmentSize;
  }

  /**
   * @param dataKey 32 bytes
   * @param segmentSize plaintext bytes per segment, {@value #MIN_SEGMENT_SIZE} to {@value #MAX_SEGMENT_SIZE}
   */
  public static StreamingAead create(SecretBytes dataKey, int segmentSize) {
    if (dataKey.length() != 32) {
      throw new IllegalArgumentException("data key must be 32 bytes, got " + dataKey.length());
    }
    checkSegmentSize(segmentSize);
    return new StreamingAead(dataKey, segmentSize);
  }

  public static StreamingAead create(SecretBytes dataKey) {
    return create(dataKey, DEFAULT_SEGMENT_SIZE);
  }

  /**
   * Wraps {@code ciphertext}: bytes written are sealed; {@link OutputStream#close()} seals the last
   * segment and must be called, else the stream does not decrypt.
   */
  public OutputStream newEncryptingStream(OutputStream ciphertext, byte[] associatedData)
      throws IOException {
    byte[] salt = new byte[32];
    byte[] noncePrefix = new byte[7];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(noncePrefix);
    ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
    header.put(VERSION).putInt(segmentSize).put(salt).put(noncePrefix);
    ciphertext.write(header.array());
    return new EncryptingOutputStream(
        ciphertext, segmentKey(salt, segmentSize, associatedData), noncePrefix, segmentSize);
  }

  /**
   * Reads and checks the header of {@code ciphertext}, then returns the plaintext stream. Its reads
   * throw {@link DecryptionFailedIOException} (cause: a {@code DecryptionFailedException}) as soon
   * as a segment does not verify.
   *
   * @throws MalformedInputException if the header is short, of another version, or names a segment
   *     size out of range
   */
  public InputStream newDecryptingStream(InputStream ciphertext, byte[] associatedData)
      throws IOException, MalformedInputException {
    byte[] header = ciphertext.readNBytes(HEADER_LENGTH);
    if (header.length < HEADER_LENGTH) {
      throw new MalformedInputException(
          "stream header truncated: " + header.length + " of " + HEADER_LENGTH + " bytes");
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    byte version = fields.get();
    if (version != VERSION) {
      throw new MalformedInputException("stream version " + version + ", expected " + VERSION);
    }
    int streamSegmentSize = fields.getInt();
    try {
      checkSegmentSize(streamSegmentSize);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("stream header: " + e.getMessage());
    }
    byte[] salt = new byte[32];
    byte[] noncePrefix = new byte[7];
    fields.get(salt).get(noncePrefix);
    return new DecryptingInputStream(
        ciphertext,
        segmentKey(salt, streamSegmentSize, associatedData),
        noncePrefix,
        streamSegmentSize);
  }

  /** Ciphertext length for {@code plaintextLength} bytes sealed with this segment size. */
  public long ciphertextLength(long plaintextLength) {
    long segments = Math.max(1, (plaintextLength + segmentSize - 1) / segmentSize);
    return HEADER_LENGTH + plaintextLength + segments * TAG_LENGTH;
  }

  private SecretKeySpec segmentKey(byte[] salt, int streamSegmentSize, byte[] associatedData) {
    ByteBuffer info = ByteBuffer.allocate(LABEL.length + 1 + 4 + associatedData.length);
    info.put(LABEL).put(VERSION).putInt(streamSegmentSize).put(associatedData);
    byte[] ikm = dataKey.copySecret();
    try {
      return new SecretKeySpec(Hkdf.sha256(ikm, salt, info.array(), 32), "AES");
    } finally {
      java.util.Arrays.fill(ikm, (byte) 0);
    }
  }

  private static void checkSegmentSize(int size) {
    if (size < MIN_SEGMENT_SIZE || size > MAX_SEGMENT_SIZE) {
      throw new IllegalArgumentException(
          "segment size " + size + " outside [" + MIN_SEGMENT_SIZE + ", " + MAX_SEGMENT_SIZE + "]");
    }
  }
}
