package org.healthhub.crypto.groupsig.gl19;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.ManagerKey;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * gl19.json's convert and unblind records. Unblinding is deterministic and matches byte for byte.
 * Our convert draws pygroupsig's scalars in its order but then shuffles uniformly, so a replay
 * gives the recorded converted signatures as a multiset, not in the recorded order; that order
 * (and the two recorded IndexErrors) comes from pygroupsig's faulty shuffle, shown here with
 * CPython's MT19937 on top of our unshuffled output.
 */
class Gl19ConversionVectorsTest {
  private final JsonNode vectors = Vectors.pygroupsig("gl19");
  private final JsonNode extra = vectors.get("extra_operations");
  private final Gl19 gl19 = Gl19VectorsTest.atTime(vectors.get("generator").get("gl19_now_pinned").asLong());

  private GroupKey groupKey() throws Exception {
    return gl19.importGroupKey(vectors.get("group_key").asText());
  }

  private ManagerKey managerKey() throws Exception {
    return gl19.importManagerKey(vectors.get("manager_key").asText());
  }

  private Gl19BlindKey blindKey() throws Exception {
    return Gl19BlindKey.fromBase64(extra.get("blind_key").asText());
  }

  private static ReplayRandomScalars replay(JsonNode record) {
    return RandomScalars.replay(HexFormat.of().parseHex(record.get("rng_seed").asText()));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private List<Gl19BlindSignature> blindSignatures(List<String> exports) throws Exception {
    List<Gl19BlindSignature> out = new ArrayList<>();
    for (String export : exports) {
      out.add(Gl19BlindSignature.fromBase64(export));
    }
    return out;
  }

  private List<String> exports(List<Gl19BlindSignature> signatures) {
    return signatures.stream().map(Gl19BlindSignature::toBase64).toList();
  }

  private List<String> nyms(List<String> converted) throws Exception {
    List<String> out = new ArrayList<>();
    for (Gl19BlindSignature signature : blindSignatures(converted)) {
      out.add(Gl19.unblind(signature, blindKey()));
    }
    return out;
  }

  /** The blinded inputs of {@code convert_three_inputs}, from the {@code blind} records. */
  private List<String> threeInputs() {
    List<String> out = new ArrayList<>();
    for (JsonNode index : extra.get("convert_three_inputs").get("input_blind_signature_indices")) {
      out.add(extra.get("blind").get(index.asInt()).get("result").get("blind_signature").asText());
    }
    return out;
  }

  @Test
  void blindSignatures_exportImport_areByteIdentical() throws Exception {
    List<String> all = new ArrayList<>();
    extra.get("blind").forEach(r -> all.add(r.get("result").get("blind_signature").asText()));
    extra.get("convert_unblind").forEach(c -> all.addAll(texts(c.get("result").get("converted_signatures"))));
    assertThat(exports(blindSignatures(all))).isEqualTo(all);
  }

  @Test
  void unblind_recordedConversions_giveRecordedNymsAndEqualities() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode c : extra.get("convert_unblind")) {
      List<String> converted = texts(c.get("result").get("converted_signatures"));
      List<String> nyms = nyms(converted);
      for (JsonNode u : c.get("unblind")) {
        if (!nyms.get(u.get("converted_index").asInt()).equals(u.get("nym").asText())) {
          failures.add(c.get("case").asText() + ": nym " + u.get("converted_index") + " differs");
        }
      }
      boolean equal = nyms.get(0).equals(nyms.get(1));
      if (equal != c.get("expected_nyms_equal").asBoolean() || equal != c.get("nyms_equal").asBoolean()) {
        failures.add(c.get("case").asText() + ": nyms equal = " + equal);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void convert_replaysPygroupsigAsMultiset_andUnblindsToTheRecordedRelation() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode c : extra.get("convert_unblind")) {
      ReplayRandomScalars rng = replay(c);
      List<Gl19BlindSignature> converted =
          gl19.convert(
              blindSignatures(texts(c.get("input_blind_signatures"))),
              c.get("blind_key_public").asText(),
              groupKey(),
              managerKey(),
              rng);
      List<String> recorded = texts(c.get("result").get("converted_signatures"));
      if (!sorted(exports(converted)).equals(sorted(recorded))) {
        failures.add(c.get("case").asText() + ": converted signatures differ");
      }
      if (rng.bytesDrawn() != c.get("rng_bytes").asLong()) {
        failures.add(c.get("case").asText() + ": drew " + rng.bytesDrawn() + " bytes");
      }
      List<String> nyms = nyms(exports(converted));
      if (nyms.get(0).equals(nyms.get(1)) != c.get("expected_nyms_equal").asBoolean()) {
        failures.add(c.get("case").asText() + ": nym relation differs");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void convert_threeInputs_neverFails_andMatchesEveryRecordedSuccessAsMultiset() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode attempt : extra.get("convert_three_inputs").get("attempts")) {
      String id = "attempt " + attempt.get("attempt");
      List<String> converted =
          exports(
              gl19.convert(
                  blindSignatures(threeInputs()),
                  extra.get("blind_key_public").asText(),
                  groupKey(),
                  managerKey(),
                  replay(attempt)));
      List<String> nyms = nyms(converted);
      // inputs 0 and 1 are member 0's signatures #0 and #1, input 2 is member 1's #2
      if (nyms.stream().distinct().count() != 2) {
        failures.add(id + ": expected two distinct nyms, got " + nyms);
      }
      if (attempt.has("result")) {
        if (!sorted(converted).equals(sorted(texts(attempt.get("result").get("converted_signatures"))))) {
          failures.add(id + ": converted signatures differ from the recorded multiset");
        }
        if (!sorted(nyms).equals(sorted(texts(attempt.get("unblind_nyms"))))) {
          failures.add(id + ": nyms differ from the recorded ones");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void pygroupsigShuffle_explainsRecordedOrdersAndIndexErrors() throws Exception {
    List<String> failures = new ArrayList<>();
    int raised = 0;
    for (JsonNode attempt : extra.get("convert_three_inputs").get("attempts")) {
      String id = "attempt " + attempt.get("attempt");
      List<String> inOrder =
          new ArrayList<>(
              exports(
                  Gl19Conversion.convertInOrder(
                      blindSignatures(threeInputs()),
                      blindKey().pk,
                      (Gl19GroupKey) groupKey(),
                      (Gl19ManagerKey) managerKey(),
                      replay(attempt))));
      CPythonRandom random = new CPythonRandom(new BigInteger(1, HexFormat.of().parseHex(attempt.get("rng_seed").asText())));
      try {
        CPythonRandom.pygroupsigShuffle(inOrder, random);
        if (!attempt.has("result")
            || !inOrder.equals(texts(attempt.get("result").get("converted_signatures")))) {
          failures.add(id + ": pygroupsig's shuffle gives another order than recorded");
        }
      } catch (IndexOutOfBoundsException e) {
        raised++;
        if (!attempt.get("pygroupsig_result").asText().contains("IndexError")) {
          failures.add(id + ": pygroupsig's shuffle raises, but the record succeeded");
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(raised).isEqualTo(extra.get("convert_three_inputs").get("raised_count").asInt());
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }
}
