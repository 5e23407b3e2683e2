package org.healthhub.crypto.groupsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The opening checks of ps16 and klap20 (schemes whose openings carry a proof): every valid
 * signature opens to its recorded member with the recorded proof (replayed from its seed), every
 * recorded proof verifies, two opens give different valid proofs, and the open negatives fail.
 */
public abstract class OpeningVectors extends SchemeVectorsContract {
  protected abstract Opening opening();

  private Gml gml() throws Exception {
    return Gml.fromBase64(vectors.get("gml").asText());
  }

  private ManagerKey managerKey() throws Exception {
    return scheme().importManagerKey(vectors.get("manager_key").asText());
  }

  private GroupSignature signature(int index) throws Exception {
    return scheme().importSignature(vectors.get("signatures").get(index).get("signature").asText());
  }

  @Test
  void open_replaysPygroupsig() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("open")) {
      int index = record.get("signature_index").asInt();
      ReplayRandomScalars rng = RandomScalars.replay(Vectors.hex(record.get("rng_seed")));
      Opening.Opened opened = opening().open(signature(index), groupKey(), managerKey(), gml(), rng);
      if (!opened.memberId().equals(record.get("expected_gml_id").asText())) {
        failures.add("signature " + index + " opened to " + opened.memberId());
      }
      if (!opened.proofBase64().orElse("").equals(record.get("result").get("proof").asText())) {
        failures.add("signature " + index + ": proof differs from pygroupsig's");
      }
      if (rng.bytesDrawn() != record.get("rng_bytes").asLong()) {
        failures.add("signature " + index + " drew " + rng.bytesDrawn() + " bytes");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void openVerify_recordedProofs_verify() throws Exception {
    for (JsonNode record : vectors.get("open")) {
      assertThat(record.get("open_verify").get("expected").asBoolean()).isTrue();
      opening()
          .verifyOpening(
              signature(record.get("signature_index").asInt()),
              groupKey(),
              record.get("result").get("proof").asText());
    }
  }

  @Test
  void open_twice_givesDifferentValidProofs() throws Exception {
    JsonNode randomized = vectors.get("open_randomized_proofs");
    GroupSignature signature = scheme().importSignature(randomized.get("signature").asText());
    List<String> proofs = new ArrayList<>();
    for (JsonNode proof : randomized.get("proofs")) {
      opening().verifyOpening(signature, groupKey(), proof.asText());
      proofs.add(proof.asText());
    }
    Opening.Opened fresh =
        opening().open(signature, groupKey(), managerKey(), gml(), RandomScalars.secure());
    opening().verifyOpening(signature, groupKey(), fresh.proofBase64().orElseThrow());
    proofs.add(fresh.proofBase64().orElseThrow());
    assertThat(proofs).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void open_negatives_fail() throws Exception {
    for (JsonNode record : vectors.get("open_negatives")) {
      GroupSignature signature = scheme().importSignature(record.get("signature").asText());
      if (record.has("proof")) {
        assertThatThrownBy(
                () -> opening().verifyOpening(signature, groupKey(), record.get("proof").asText()))
            .as(record.get("why").asText())
            .isInstanceOf(InvalidSignatureException.class);
      } else {
        assertThatThrownBy(
                () -> opening().open(signature, groupKey(), managerKey(), gml(), RandomScalars.secure()))
            .as(record.get("why").asText())
            .isInstanceOf(SignerNotFoundException.class);
      }
    }
  }

  @Test
  void openVerify_compactReencoding_hashesCanonicalExport() throws Exception {
    int checked = 0;
    for (JsonNode lenient : vectors.get("lenient_inputs")) {
      if (!lenient.get("why").asText().contains("compact JSON")) {
        continue;
      }
      GroupSignature compact = scheme().importSignature(lenient.get("signature").asText());
      for (JsonNode record : vectors.get("open")) {
        if (signature(record.get("signature_index").asInt()).toBase64().equals(compact.toBase64())) {
          opening().verifyOpening(compact, groupKey(), record.get("result").get("proof").asText());
          checked++;
        }
      }
    }
    assertThat(checked).isPositive();
  }
}
