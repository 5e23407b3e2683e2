package org.healthhub.crypto.record.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.junit.jupiter.api.Test;

class RecordEnvelopeTest {
  private final X25519KeyPair patient = X25519KeyPair.generate();
  private final X25519KeyPair doctor = X25519KeyPair.generate();
  private final byte[] payload = randomPayload();
  private final ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();

  @Test
  void open_byReader_returnsPayload() throws Exception {
    RecordEnvelope envelope = sealForPatient();

    assertThat(open(envelope, "patient", patient, ciphertext.toByteArray())).isEqualTo(payload);
  }

  @Test
  void share_addsWrapWithoutTouchingPayload() throws Exception {
    RecordEnvelope envelope = sealForPatient();
    byte[] before = ciphertext.toByteArray();

    RecordEnvelope shared = envelope.share("patient", patient, "doctor", doctor.publicKey());

    assertThat(shared.wraps()).containsOnlyKeys("patient", "doctor");
    assertThat(open(shared, "doctor", doctor, before)).isEqualTo(payload);
    assertThat(envelope.wraps()).containsOnlyKeys("patient");
  }

  @Test
  void open_withAnotherReadersWrap_throwsDecryptionFailed() throws Exception {
    RecordEnvelope envelope = sealForPatient().share("patient", patient, "doctor", doctor.publicKey());

    assertThatThrownBy(() -> open(envelope, "doctor", patient, ciphertext.toByteArray()))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void revoke_removesReader() throws Exception {
    RecordEnvelope revoked = sealForPatient().share("patient", patient, "doctor", doctor.publicKey()).revoke("doctor");

    assertThatThrownBy(() -> open(revoked, "doctor", doctor, ciphertext.toByteArray()))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(open(revoked, "patient", patient, ciphertext.toByteArray())).isEqualTo(payload);
  }

  @Test
  void revoke_lastReader_isRefused() throws Exception {
    RecordEnvelope envelope = sealForPatient();

    assertThatThrownBy(() -> envelope.revoke("patient")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rotate_newKeyVersion_oldWrapsNoLongerOpenNewPayload() throws Exception {
    RecordEnvelope shared = sealForPatient().share("patient", patient, "doctor", doctor.publicKey());
    ByteArrayOutputStream rotated = new ByteArrayOutputStream();

    RecordEnvelope next =
        shared.rotate("patient", patient, new ByteArrayInputStream(ciphertext.toByteArray()), rotated);

    assertThat(next.keyVersion()).isEqualTo(2);
    assertThat(open(next, "doctor", doctor, rotated.toByteArray())).isEqualTo(payload);
    assertThatThrownBy(() -> open(shared, "doctor", doctor, rotated.toByteArray()))
        .isInstanceOf(DecryptionFailedIOException.class);
  }

  @Test
  void open_payloadOfAnotherRecord_fails() throws Exception {
    RecordEnvelope envelope = sealForPatient();
    ByteArrayOutputStream otherCiphertext = new ByteArrayOutputStream();
    RecordEnvelope.seal("record-2", new ByteArrayInputStream(payload), otherCiphertext, Map.of("patient", patient.publicKey()));

    assertThatThrownBy(() -> open(envelope, "patient", patient, otherCiphertext.toByteArray()))
        .isInstanceOf(DecryptionFailedIOException.class);
  }

  private RecordEnvelope sealForPatient() throws Exception {
    return RecordEnvelope.seal(
        "record-1", new ByteArrayInputStream(payload), ciphertext, Map.of("patient", patient.publicKey()));
  }

  private static byte[] open(RecordEnvelope envelope, String reader, X25519KeyPair keys, byte[] sealed)
      throws Exception {
    try (InputStream in = envelope.open(reader, keys, new ByteArrayInputStream(sealed))) {
      return in.readAllBytes();
    }
  }

  private static byte[] randomPayload() {
    byte[] bytes = new byte[3 * 1024 * 1024 + 5];
    new Random(1).nextBytes(bytes);
    return bytes;
  }
}
