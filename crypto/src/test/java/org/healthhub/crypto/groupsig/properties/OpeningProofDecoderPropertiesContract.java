package org.healthhub.crypto.groupsig.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.healthhub.crypto.groupsig.Gml;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/** ps16's and klap20's decoders beyond the common ones: the membership list and the opening proof. */
abstract class OpeningProofDecoderPropertiesContract<P> extends DecoderPropertiesContract {
  /** The scheme's opening proof decoder. */
  protected abstract Decoding.Decoder<P> proofDecoder();

  protected abstract Function<P, String> proofExport();

  @Provide
  Arbitrary<String> gmls() {
    return mutationsOf(List.of(firstMemberOnly(vectors.path("gml").asText())));
  }

  @Provide
  Arbitrary<String> openProofs() {
    List<String> proofs = new ArrayList<>();
    vectors.path("open").forEach(record -> proofs.add(record.path("result").path("proof").asText()));
    return mutationsOf(proofs);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void gml_mutated_isMalformedOrReexports(@ForAll("gmls") String input) {
    Decoding.decodeOrRefuse(input, Gml::fromBase64, Gml::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void openProof_mutated_isMalformedOrReexports(@ForAll("openProofs") String input) {
    Decoding.decodeOrRefuse(input, proofDecoder(), proofExport());
  }
}
