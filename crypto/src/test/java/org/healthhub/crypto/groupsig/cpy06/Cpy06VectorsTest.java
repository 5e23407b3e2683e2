package org.healthhub.crypto.groupsig.cpy06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.SchemeVectorsContract;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.junit.jupiter.api.Test;

class Cpy06VectorsTest extends SchemeVectorsContract {
  private final Cpy06 cpy06 = new Cpy06();

  @Override
  protected GroupSignatureScheme scheme() {
    return cpy06;
  }

  @Override
  protected String vectorName() {
    return "cpy06";
  }

  private Gml gml() throws MalformedInputException {
    return Gml.fromBase64(vectors.get("gml").asText());
  }

  private GroupSignature signature(int index) throws MalformedInputException {
    return cpy06.importSignature(vectors.get("signatures").get(index).get("signature").asText());
  }

  private JsonNode extra(String name) {
    return vectors.get("extra_operations").get(name);
  }

  @Test
  void open_signatures_nameTheRecordedMembers() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("open")) {
      int index = record.get("signature_index").asInt();
      String id =
          cpy06
              .open(
                  signature(index),
                  groupKey,
                  cpy06.importManagerKey(vectors.get("manager_key").asText()),
                  gml(),
                  RandomScalars.secure())
              .memberId();
      if (!id.equals(record.get("expected_gml_id").asText())) {
        failures.add("signature " + index + " opened to " + id);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void open_negatives_findNoSigner() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("open_negatives")) {
      try {
        cpy06.open(
            cpy06.importSignature(record.get("signature").asText()),
            groupKey,
            cpy06.importManagerKey(vectors.get("manager_key").asText()),
            gml(),
            RandomScalars.secure());
        failures.add(record.get("why").asText() + ": opened");
      } catch (SignerNotFoundException expected) {
        // pygroupsig's {"status": "fail"}
      }
    }
    assertThat(vectors.get("open_negatives")).isNotEmpty();
    assertThat(failures).isEmpty();
  }

  @Test
  void reveal_member_producesTheRecordedCrl() throws Exception {
    JsonNode reveal = extra("reveal");
    Gml crl = cpy06.reveal(reveal.get("input_member_id").asText(), gml(), Gml.empty());
    assertThat(crl.toBase64()).isEqualTo(vectors.get("crl").asText());
    assertThat(Gml.fromBase64(vectors.get("crl").asText()).toBase64())
        .isEqualTo(vectors.get("crl").asText());
    assertThat(crl.memberIds()).containsExactly(vectors.get("crl_ids").get(0).asText());
  }

  @Test
  void reveal_unknownId_throws() {
    String unknown = extra("reveal_unknown_id").get("input_member_id").asText();
    assertThatThrownBy(() -> cpy06.reveal(unknown, gml(), Gml.empty()))
        .isInstanceOf(UnknownMemberException.class);
  }

  @Test
  void trace_recordedSignatures_matchRevocation() throws Exception {
    GroupKey groupKey = groupKey();
    Gml crl = Gml.fromBase64(vectors.get("crl").asText());
    List<String> failures = new ArrayList<>();
    for (JsonNode record : extra("trace").get("records")) {
      int index = record.get("signature_index").asInt();
      if (cpy06.trace(signature(index), groupKey, crl)
          != record.get("expected_revoked").asBoolean()) {
        failures.add("signature " + index);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void proveEquality_records_replayAndVerifyAsRecorded() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (JsonNode record : extra("prove_equality")) {
      List<GroupSignature> signatures = new ArrayList<>();
      for (JsonNode signature : record.get("signatures")) {
        signatures.add(cpy06.importSignature(signature.asText()));
      }
      String proof = record.get("proof").asText();
      if (record.has("rng_seed")) {
        ReplayRandomScalars rng = (ReplayRandomScalars) replay(record);
        DiscreteLogProof made =
            cpy06.proveEquality(
                signatures, memberKey(record.get("member_key_index").asInt()), groupKey, rng);
        if (!made.toBase64().equals(proof)
            || rng.bytesDrawn() != record.get("rng_bytes").asLong()) {
          failures.add("record " + n + " does not replay");
        }
      }
      boolean verified =
          verifies(
              () -> cpy06.verifyEquality(DiscreteLogProof.fromBase64(proof), signatures, groupKey));
      if (verified != record.get("expected").asBoolean()) {
        failures.add("record " + n + " verified " + verified);
      }
      n++;
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void claim_records_replayAndVerifyAsRecorded() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (JsonNode record : extra("claim")) {
      GroupSignature signature = signature(record.get("signature_index").asInt());
      String proof = record.get("proof").asText();
      if (record.has("rng_seed")) {
        ReplayRandomScalars rng = (ReplayRandomScalars) replay(record);
        DiscreteLogProof made =
            cpy06.claim(
                signature, memberKey(record.get("member_key_index").asInt()), groupKey, rng);
        if (!made.toBase64().equals(proof)
            || rng.bytesDrawn() != record.get("rng_bytes").asLong()) {
          failures.add("record " + n + " does not replay");
        }
      }
      boolean verified =
          verifies(
              () -> cpy06.verifyClaim(DiscreteLogProof.fromBase64(proof), signature, groupKey));
      if (verified != record.get("expected").asBoolean()) {
        failures.add("record " + n + " verified " + verified);
      }
      n++;
    }
    assertThat(failures).isEmpty();
  }

  private interface Check {
    void run() throws GeneralSecurityException;
  }

  private static boolean verifies(Check check) throws GeneralSecurityException {
    try {
      check.run();
      return true;
    } catch (InvalidSignatureException e) {
      return false;
    }
  }
}
