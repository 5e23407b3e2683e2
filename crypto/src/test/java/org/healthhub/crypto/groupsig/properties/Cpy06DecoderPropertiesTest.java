package org.healthhub.crypto.groupsig.properties;

import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

class Cpy06DecoderPropertiesTest extends DualControlDecoderPropertiesContract {
  @Override
  protected String schemeName() {
    return "cpy06";
  }

  @Provide
  Arbitrary<String> crls() {
    return mutationsOf(List.of(firstMemberOnly(vectors.path("crl").asText())));
  }

  @Provide
  Arbitrary<String> proofs() {
    List<String> proofs = texts(vectors.path("extra_operations").path("prove_equality"), "proof");
    proofs.addAll(texts(vectors.path("extra_operations").path("claim"), "proof"));
    return mutationsOf(proofs);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void crl_mutated_isMalformedOrReexports(@ForAll("crls") String input) {
    Decoding.decodeOrRefuse(input, Gml::fromBase64, Gml::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void equalityProof_mutated_isMalformedOrReexports(@ForAll("proofs") String input) {
    Decoding.decodeOrRefuse(input, DiscreteLogProof::fromBase64, DiscreteLogProof::toBase64);
  }
}
