package org.healthhub.crypto.groupsig.gl19;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.SchemeVectorsContract;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.junit.jupiter.api.Test;

/**
 * gl19.json: the common contract with the clock pinned to {@code gl19_now_pinned} (so that the
 * join replays and the recorded credentials have not expired), plus the clock record, the issuer
 * equation on every valid signature, and blind.
 */
class Gl19VectorsTest extends SchemeVectorsContract {
  final long nowPinned = vectors.get("generator").get("gl19_now_pinned").asLong();
  final Gl19 gl19 = atTime(nowPinned);

  static Gl19 atTime(long epochSecond) {
    return new Gl19(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), new Random(19));
  }

  @Override
  protected GroupSignatureScheme scheme() {
    return gl19;
  }

  @Override
  protected String vectorName() {
    return "gl19";
  }

  JsonNode extra() {
    return vectors.get("extra_operations");
  }

  GroupSignature signature(int index) throws Exception {
    return gl19.importSignature(vectors.get("signatures").get(index).get("signature").asText());
  }

  @Test
  void clock_record_matchesLifetimeAndMemberKeys() throws Exception {
    JsonNode clock = vectors.get("clock");
    assertThat(clock.get("join_lifetime_seconds").asLong()).isEqualTo(Gl19.LIFETIME_SECONDS);
    assertThat(clock.get("now_pinned").asLong()).isEqualTo(nowPinned);
    for (int i = 0; i < vectors.get("members").size(); i++) {
      long l = clock.get("member_l_values").get(i).asLong();
      assertThat(l).isEqualTo(nowPinned + Gl19.LIFETIME_SECONDS);
      assertThat(((Gl19MemberKey) memberKey(i)).l).isEqualTo(l);
    }
  }

  @Test
  void verify_atExpiration_accepts_andAfterIt_rejectsWithReason() throws Exception {
    GroupKey groupKey = groupKey();
    GroupSignature signature = signature(0);
    long expiration = ((Gl19Signature) signature).expiration;
    String message = vectors.get("signatures").get(0).get("message").asText();
    atTime(expiration).verify(message, signature, groupKey);
    assertThatThrownBy(() -> atTime(expiration + 1).verify(message, signature, groupKey))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("expired")
        .hasMessageContaining(Long.toString(expiration));
  }

  @Test
  void signatures_satisfyIssuerEquation() throws Exception {
    Gl19GroupKey group = (Gl19GroupKey) groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("signatures")) {
      Gl19Signature sig = (Gl19Signature) gl19.importSignature(record.get("signature").asText());
      // e(AA, ipk) = e(A_, g2)
      if (!Pairing.pairing(sig.bigAA, group.ipk).equals(Pairing.pairing(sig.bigAbar, group.g2))) {
        failures.add("signature " + record.get("index"));
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void blind_replaysPygroupsig_withAndWithoutGivenKey() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : extra().get("blind")) {
      JsonNode given = record.get("blind_key_input");
      Gl19BlindKey key = given.isNull() ? null : Gl19BlindKey.fromBase64(given.asText());
      ReplayRandomScalars rng =
          RandomScalars.replay(HexFormat.of().parseHex(record.get("rng_seed").asText()));
      String message = record.get("message").asText();
      GroupSignature signature = signature(record.get("input_signature_index").asInt());
      Gl19Blinded blinded =
          key == null
              ? gl19.blind(message, signature, groupKey, rng)
              : gl19.blind(message, signature, groupKey, key, rng);
      String id = "blind of signature " + record.get("input_signature_index");
      if (!blinded.signature().toBase64().equals(record.get("result").get("blind_signature").asText())) {
        failures.add(id + ": blind signature differs");
      }
      if (!blinded.key().toBase64().equals(record.get("result").get("blind_key").asText())) {
        failures.add(id + ": blind key differs");
      }
      if (rng.bytesDrawn() != record.get("rng_bytes").asLong()) {
        failures.add(id + ": drew " + rng.bytesDrawn() + " bytes");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void blindKey_exportImport_isByteIdentical_andPublicIsRawPk() throws Exception {
    String exported = extra().get("blind_key").asText();
    Gl19BlindKey key = Gl19BlindKey.fromBase64(exported);
    assertThat(key.toBase64()).isEqualTo(exported);
    assertThat(key.publicBase64()).isEqualTo(extra().get("blind_key_public").asText());
    assertThat(key.toString()).doesNotContain(key.sk.toBase64()).contains("hidden");
  }

  @Test
  void lenientInputs_compactJsonVerifies_relabelledIsMalformed() throws Exception {
    GroupKey groupKey = groupKey();
    for (JsonNode record : vectors.get("lenient_inputs")) {
      String message = record.get("message").asText();
      String signature = record.get("signature").asText();
      if (record.has("changed_scheme_to")) {
        assertThatThrownBy(() -> gl19.importSignature(signature))
            .isInstanceOf(MalformedInputException.class)
            .hasMessageContaining("labelled");
      } else {
        gl19.verify(message, gl19.importSignature(signature), groupKey);
      }
    }
  }

  @Test
  void blind_invalidSignature_rejects() throws Exception {
    assertThatThrownBy(
            () -> gl19.blind("not the message", signature(0), groupKey(), replay(extra().get("blind").get(0))))
        .isInstanceOf(InvalidSignatureException.class);
  }
}
