package org.healthhub.crypto.groupsig.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof2;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

class Dl21SeqDecoderPropertiesTest extends DecoderPropertiesContract {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  protected String schemeName() {
    return "dl21seq";
  }

  /**
   * dl21seq's {@code seq} values are outside every challenge in pygroupsig's format, so plain
   * verify cannot notice them edited (README, "dl21seq: what seq binds"): compare the rest.
   */
  @Override
  protected String verifiedPart(String signatureExport) {
    try {
      ObjectNode outer = (ObjectNode) MAPPER.readTree(Base64.getDecoder().decode(signatureExport));
      ObjectNode inner = (ObjectNode) MAPPER.readTree(Base64.getDecoder().decode(outer.path("signature").asText()));
      inner.remove("seq");
      outer.set("signature", inner);
      return outer.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> proofsOf(String operation) {
    List<String> proofs = new ArrayList<>();
    vectors.path("extra_operations").path(operation).forEach(record -> {
      if (record.path("result").has("proof")) {
        proofs.add(record.path("result").path("proof").asText());
      }
    });
    return proofs;
  }

  @Provide
  Arbitrary<String> linkProofs() {
    return mutationsOf(proofsOf("link"));
  }

  @Provide
  Arbitrary<String> seqlinkProofs() {
    return mutationsOf(proofsOf("seqlink"));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void linkProof_mutated_isMalformedOrReexports(@ForAll("linkProofs") String input) {
    Decoding.decodeOrRefuse(input, DiscreteLogProof::fromBase64, DiscreteLogProof::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void seqlinkProof_mutated_isMalformedOrReexports(@ForAll("seqlinkProofs") String input) {
    Decoding.decodeOrRefuse(input, DiscreteLogProof2::fromBase64, DiscreteLogProof2::toBase64);
  }
}
