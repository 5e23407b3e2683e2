package org.healthhub.crypto.groupsig.properties;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

class Dl21DecoderPropertiesTest extends DecoderPropertiesContract {
  @Override
  protected String schemeName() {
    return "dl21";
  }

  @Provide
  Arbitrary<String> linkProofs() {
    List<String> proofs = new ArrayList<>();
    vectors.path("extra_operations").path("link").forEach(record -> proofs.add(record.path("result").path("proof").asText()));
    return mutationsOf(proofs);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void linkProof_mutated_isMalformedOrReexports(@ForAll("linkProofs") String input) {
    Decoding.decodeOrRefuse(input, DiscreteLogProof::fromBase64, DiscreteLogProof::toBase64);
  }
}
