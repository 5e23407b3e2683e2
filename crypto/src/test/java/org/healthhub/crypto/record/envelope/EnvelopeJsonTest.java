package org.healthhub.crypto.record.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {
  private final X25519KeyPair patient = X25519KeyPair.generate();
  private final X25519KeyPair doctor = X25519KeyPair.generate();

  @Test
  void decode_ofEncode_opensPayload() throws Exception {
    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
    RecordEnvelope envelope = RecordEnvelope.seal(
            "rec-9", new ByteArrayInputStream("payload".getBytes()), sealed, Map.of("patient", patient.publicKey()))
        .share("patient", patient, "doctor", doctor.publicKey());

    RecordEnvelope decoded = EnvelopeJson.decode(EnvelopeJson.encode(envelope));

    assertThat(decoded.wraps()).containsOnlyKeys("doctor", "patient");
    try (InputStream in = decoded.open("doctor", doctor, new ByteArrayInputStream(sealed.toByteArray()))) {
      assertThat(in.readAllBytes()).isEqualTo("payload".getBytes());
    }
  }

  @Test
  void encode_holdsNoPrivateKey() throws Exception {
    RecordEnvelope envelope = RecordEnvelope.seal(
        "rec-9", new ByteArrayInputStream(new byte[1]), new ByteArrayOutputStream(), Map.of("patient", patient.publicKey()));
    String privateKey = org.healthhub.crypto.record.JsonBytes.encode(patient.privateKey().copySecret());

    assertThat(EnvelopeJson.encode(envelope)).doesNotContain(privateKey);
  }

  @Test
  void decode_duplicateReaderOrShortKey_throwsMalformed() {
    String wrap = "{\"publicKey\":\"" + "A".repeat(43) + "=\",\"readerId\":\"a\",\"wrap\":\"" + "A".repeat(107) + "=\"}";
    String twice = "{\"format\":\"healthhub-envelope/v1\",\"keyVersion\":1,\"recordId\":\"r\",\"wraps\":[" + wrap + "," + wrap + "]}";
    String shortKey = twice.replace("A".repeat(43) + "=", "AAAA");

    assertThatThrownBy(() -> EnvelopeJson.decode(twice)).isInstanceOf(MalformedInputException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> EnvelopeJson.decode(shortKey)).isInstanceOf(MalformedInputException.class).hasMessageContaining("32 bytes");
  }

  @Test
  void decode_otherFormat_throwsMalformed() {
    assertThatThrownBy(() -> EnvelopeJson.decode("{\"format\":\"x\"}")).isInstanceOf(MalformedInputException.class);
  }
}
