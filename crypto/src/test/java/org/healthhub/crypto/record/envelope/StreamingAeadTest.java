package org.healthhub.crypto.record.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingAeadTest {
  private static final int SEGMENT = StreamingAead.MIN_SEGMENT_SIZE;
  private static final byte[] AAD = "record-1".getBytes();
  private final SecretBytes key = SecretBytes.random(32);
  private final StreamingAead aead = StreamingAead.create(key, SEGMENT);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 17})
  void decrypt_ofEncrypt_returnsPlaintext(int size) throws Exception {
    byte[] plaintext = randomBytes(size, size);
    byte[] ciphertext = encrypt(plaintext);

    assertThat(ciphertext).hasSize((int) aead.ciphertextLength(size));
    assertThat(decrypt(aead, ciphertext, AAD)).isEqualTo(plaintext);
  }

  @Property(tries = 60)
  void decrypt_flippedBit_failsTypedAndReleasesOnlyVerifiedSegments(
      @ForAll @IntRange(min = 0, max = 4 * SEGMENT) int size, @ForAll long seed) throws Exception {
    byte[] plaintext = randomBytes(size, seed);
    byte[] ciphertext = encrypt(plaintext);
    int bit = new Random(seed).nextInt(ciphertext.length * 8);
    ciphertext[bit / 8] ^= (byte) (1 << (bit % 8));

    Outcome outcome = decryptCollecting(ciphertext, AAD);

    assertThat(outcome.failure).isInstanceOfAny(DecryptionFailedException.class, MalformedInputException.class);
    assertReleasedOnlySegmentsBefore(outcome.released, plaintext, bit / 8);
  }

  @Property(tries = 60)
  void decrypt_truncatedStream_failsTyped(
      @ForAll @IntRange(min = 0, max = 4 * SEGMENT) int size, @ForAll long seed) throws Exception {
    byte[] plaintext = randomBytes(size, seed);
    byte[] ciphertext = encrypt(plaintext);
    int keep = new Random(seed).nextInt(ciphertext.length);

    Outcome outcome = decryptCollecting(Arrays.copyOf(ciphertext, keep), AAD);

    assertThat(outcome.failure).isInstanceOfAny(DecryptionFailedException.class, MalformedInputException.class);
    assertIsPrefix(outcome.released, plaintext);
  }

  @Test
  void decrypt_truncatedAtSegmentBoundary_fails() throws Exception {
    byte[] plaintext = randomBytes(3 * SEGMENT, 7);
    byte[] ciphertext = encrypt(plaintext);
    int twoSegments = StreamingAead.HEADER_LENGTH + 2 * (SEGMENT + StreamingAead.TAG_LENGTH);

    Outcome outcome = decryptCollecting(Arrays.copyOf(ciphertext, twoSegments), AAD);

    assertThat(outcome.failure).isInstanceOf(DecryptionFailedException.class).hasMessageContaining("segment 1");
    assertThat(outcome.released).isEqualTo(Arrays.copyOf(plaintext, SEGMENT));
  }

  @Test
  void decrypt_reorderedSegments_fails() throws Exception {
    byte[] ciphertext = encrypt(randomBytes(3 * SEGMENT, 8));
    int full = SEGMENT + StreamingAead.TAG_LENGTH;
    int first = StreamingAead.HEADER_LENGTH;
    byte[] segment0 = Arrays.copyOfRange(ciphertext, first, first + full);
    System.arraycopy(ciphertext, first + full, ciphertext, first, full);
    System.arraycopy(segment0, 0, ciphertext, first + full, full);

    Outcome outcome = decryptCollecting(ciphertext, AAD);

    assertThat(outcome.failure).isInstanceOf(DecryptionFailedException.class).hasMessageContaining("segment 0");
    assertThat(outcome.released).isEmpty();
  }

  @Test
  void decrypt_trailingBytesAfterLastSegment_fails() throws Exception {
    byte[] ciphertext = encrypt(randomBytes(2 * SEGMENT, 9));
    byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + 1);

    assertThat(decryptCollecting(extended, AAD).failure).isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void decrypt_wrongKey_fails() throws Exception {
    byte[] ciphertext = encrypt(randomBytes(100, 10));
    StreamingAead other = StreamingAead.create(SecretBytes.random(32), SEGMENT);

    assertThatThrownBy(() -> decrypt(other, ciphertext, AAD))
        .isInstanceOf(DecryptionFailedIOException.class)
        .extracting(Throwable::getCause)
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void decrypt_wrongAssociatedData_fails() throws Exception {
    byte[] ciphertext = encrypt(randomBytes(100, 11));

    assertThatThrownBy(() -> decrypt(aead, ciphertext, "record-2".getBytes()))
        .isInstanceOf(DecryptionFailedIOException.class);
  }

  @Test
  void decrypt_headerNamesHugeSegment_rejectsBeforeAllocating() throws Exception {
    byte[] ciphertext = encrypt(randomBytes(10, 12));
    ciphertext[1] = 0x7f;

    assertThatThrownBy(() -> decrypt(aead, ciphertext, AAD))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("segment size");
  }

  @Test
  void encrypt_sameInputTwice_givesDifferentStreams() throws Exception {
    byte[] plaintext = randomBytes(50, 13);

    assertThat(encrypt(plaintext)).isNotEqualTo(encrypt(plaintext));
  }

  private static void assertReleasedOnlySegmentsBefore(byte[] released, byte[] plaintext, int tamperedByte) {
    assertIsPrefix(released, plaintext);
    long tamperedSegment = Math.max(0, (tamperedByte - StreamingAead.HEADER_LENGTH)) / (SEGMENT + StreamingAead.TAG_LENGTH);
    assertThat((long) released.length).isLessThanOrEqualTo(tamperedSegment * SEGMENT);
  }

  private static void assertIsPrefix(byte[] released, byte[] plaintext) {
    assertThat(released.length).isLessThanOrEqualTo(plaintext.length);
    assertThat(released).isEqualTo(Arrays.copyOf(plaintext, released.length));
  }

  private byte[] encrypt(byte[] plaintext) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream sealing = aead.newEncryptingStream(out, AAD)) {
      sealing.write(plaintext);
    }
    return out.toByteArray();
  }

  private static byte[] decrypt(StreamingAead with, byte[] ciphertext, byte[] aad)
      throws IOException, GeneralSecurityException {
    try (InputStream in = with.newDecryptingStream(new ByteArrayInputStream(ciphertext), aad)) {
      return in.readAllBytes();
    }
  }

  private Outcome decryptCollecting(byte[] ciphertext, byte[] aad) throws IOException {
    ByteArrayOutputStream released = new ByteArrayOutputStream();
    try (InputStream in = aead.newDecryptingStream(new ByteArrayInputStream(ciphertext), aad)) {
      byte[] buffer = new byte[1000];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        released.write(buffer, 0, n);
      }
      return new Outcome(released.toByteArray(), null);
    } catch (DecryptionFailedIOException e) {
      return new Outcome(released.toByteArray(), e.getCause());
    } catch (MalformedInputException e) {
      return new Outcome(released.toByteArray(), e);
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private record Outcome(byte[] released, GeneralSecurityException failure) {}
}
