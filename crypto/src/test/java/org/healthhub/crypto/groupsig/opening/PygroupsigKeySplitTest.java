package org.healthhub.crypto.groupsig.opening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.bbs04.Bbs04;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A group made by pygroupsig moves to dual control: its split manager key opens its signatures. */
class PygroupsigKeySplitTest {
  private static final RandomScalars RNG = RandomScalars.secure();

  static Stream<DualControlOpening> schemes() {
    return Stream.of(new Bbs04(), new Cpy06());
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void splitManagerKey_pygroupsigGroup_opensEveryRecordedSignature(DualControlOpening scheme)
      throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme.descriptor().name());
    GroupKey groupKey = scheme.importGroupKey(vectors.get("group_key").asText());
    Gml gml = Gml.fromBase64(vectors.get("gml").asText());
    DualControlKeys keys =
        scheme.splitManagerKey(
            groupKey, scheme.importManagerKey(vectors.get("manager_key").asText()), RNG);
    keys.commitments().checkAgainst(scheme.openingBases(groupKey));
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("open")) {
      GroupSignature signature =
          scheme.importSignature(
              vectors
                  .get("signatures")
                  .get(record.get("signature_index").asInt())
                  .get("signature")
                  .asText());
      PartialOpening gm =
          DualControlOpener.partialOpen(
              scheme, groupKey, keys.commitments(), keys.groupManagerShare(), signature, RNG);
      PartialOpening rm =
          DualControlOpener.partialOpen(
              scheme, groupKey, keys.commitments(), keys.revocationManagerShare(), signature, RNG);
      OpeningResult result =
          DualControlOpener.combine(scheme, groupKey, keys.commitments(), signature, gml, gm, rm);
      DualControlOpener.verify(scheme, result, signature, groupKey, keys.commitments());
      if (!result.memberId().equals(record.get("expected_gml_id").asText())) {
        failures.add(
            "signature " + record.get("signature_index") + " opened to " + result.memberId());
      }
    }
    assertThat(failures).isEmpty();
  }
}
