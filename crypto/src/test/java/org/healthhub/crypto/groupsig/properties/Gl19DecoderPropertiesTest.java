package org.healthhub.crypto.groupsig.properties;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.gl19.Gl19;
import org.healthhub.crypto.groupsig.gl19.Gl19BlindKey;
import org.healthhub.crypto.groupsig.gl19.Gl19BlindSignature;
import org.healthhub.crypto.testing.Vectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

class Gl19DecoderPropertiesTest extends DecoderPropertiesContract {
  @Override
  protected String schemeName() {
    return "gl19";
  }

  /** At the generator's pinned clock the recorded credentials are valid, so verify gets to the proofs. */
  @Override
  protected GroupSignatureScheme scheme() {
    long now = Vectors.pygroupsig("gl19").path("generator").path("gl19_now_pinned").asLong();
    return new Gl19(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
  }

  @Provide
  Arbitrary<String> blindKeys() {
    return mutationsOf(List.of(vectors.path("extra_operations").path("blind_key").asText()));
  }

  @Provide
  Arbitrary<String> blindSignatures() {
    List<String> blinded = new ArrayList<>();
    vectors.path("extra_operations").path("blind")
        .forEach(record -> blinded.add(record.path("result").path("blind_signature").asText()));
    return mutationsOf(blinded);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void blindKey_mutated_isMalformedOrReexports(@ForAll("blindKeys") String input) {
    Decoding.decodeOrRefuse(input, Gl19BlindKey::fromBase64, Gl19BlindKey::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void blindSignature_mutated_isMalformedOrReexports(@ForAll("blindSignatures") String input) {
    Decoding.decodeOrRefuse(input, Gl19BlindSignature::fromBase64, Gl19BlindSignature::toBase64);
  }
}
