package org.healthhub.crypto.groupsig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The checks every scheme passes against its pygroupsig vector file: byte-identical re-export,
 * every valid signature verifies, every negative fails, and setup, join and sign replay
 * pygroupsig byte for byte from the recorded seeds. Each test collects every failing case with
 * its id and asserts the list is empty, so one failure never hides the rest. A scheme's test
 * class extends this and adds its own operations.
 */
public abstract class SchemeVectorsContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  protected final JsonNode vectors = Vectors.pygroupsig(vectorName());

  /** The scheme under test. */
  protected abstract GroupSignatureScheme scheme();

  /** The vector file's name without ".json". */
  protected abstract String vectorName();

  /** Signs as the record says (dl21seq's {@code sign_kwargs.state}, for one). */
  protected GroupSignature signAs(
      JsonNode record, String message, MemberKey key, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return scheme().sign(message, key, groupKey, rng);
  }

  /** Verifies as the record says ({@code verify_kwargs.scope}, for one). */
  protected void verifyAs(JsonNode record, String message, GroupSignature signature, GroupKey key)
      throws GeneralSecurityException {
    scheme().verify(message, signature, key);
  }

  /**
   * What our export of an object pygroupsig exported reads: the same text, unless the scheme
   * writes another label (dl21seq writes "dl21seq" where pygroupsig writes "dl21").
   */
  protected String ourExportOf(String pygroupsigExport) {
    return pygroupsigExport;
  }

  protected GroupKey groupKey() throws MalformedInputException {
    return scheme().importGroupKey(vectors.get("group_key").asText());
  }

  protected MemberKey memberKey(int index) throws MalformedInputException {
    return scheme().importMemberKey(vectors.get("members").get(index).get("member_key").asText());
  }

  protected static RandomScalars replay(JsonNode record) {
    return RandomScalars.replay(HexFormat.of().parseHex(record.get("rng_seed").asText()));
  }

  @Test
  void keys_exportImport_areByteIdentical() throws Exception {
    List<String> failures = new ArrayList<>();
    String group = vectors.get("group_key").asText();
    if (!scheme().importGroupKey(group).toBase64().equals(group)) {
      failures.add("group key");
    }
    String manager = vectors.get("manager_key").asText();
    if (!scheme().importManagerKey(manager).toBase64().equals(manager)) {
      failures.add("manager key");
    }
    for (JsonNode member : vectors.get("members")) {
      String key = member.get("member_key").asText();
      if (!scheme().importMemberKey(key).toBase64().equals(key)) {
        failures.add("member key " + member.get("index"));
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void signatures_exportImport_areByteIdentical() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("signatures")) {
      String signature = record.get("signature").asText();
      if (!scheme().importSignature(signature).toBase64().equals(signature)) {
        failures.add("signature " + record.get("index"));
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void gml_exportImport_isByteIdentical() throws Exception {
    if (!vectors.has("gml")) {
      return;
    }
    String gml = vectors.get("gml").asText();
    Gml imported = Gml.fromBase64(gml);
    assertThat(imported.toBase64()).isEqualTo(gml);
    List<String> expectedIds = new ArrayList<>();
    vectors.get("gml_ids_in_join_order").forEach(id -> expectedIds.add(id.asText()));
    assertThat(imported.memberIds()).isEqualTo(expectedIds);
  }

  @Test
  void signVerify_valid() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("signatures")) {
      try {
        GroupSignature signature = scheme().importSignature(record.get("signature").asText());
        verifyAs(record, record.get("message").asText(), signature, groupKey);
      } catch (GeneralSecurityException e) {
        failures.add("signature " + record.get("index") + ": " + e);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void verify_negatives_reject() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("negatives")) {
      String id = record.get("id").asText() + " (" + record.get("why").asText() + ")";
      try {
        GroupSignature signature = scheme().importSignature(record.get("signature").asText());
        verifyAs(record, record.get("message").asText(), signature, groupKey);
        failures.add(id + ": verified");
      } catch (InvalidSignatureException | MalformedInputException expected) {
        // rejected, with a reason: what must happen
      } catch (GeneralSecurityException | RuntimeException e) {
        failures.add(id + ": rejected with an untyped error " + e);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void lenientInputs_compactJson_verify() throws Exception {
    GroupKey groupKey = groupKey();
    int checked = 0;
    for (JsonNode record : vectors.get("lenient_inputs")) {
      if (record.get("why").asText().contains("compact JSON")) {
        GroupSignature signature = scheme().importSignature(record.get("signature").asText());
        verifyAs(record, record.get("message").asText(), signature, groupKey);
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void setup_replaysPygroupsig() throws Exception {
    JsonNode setup = vectors.get("setup");
    ReplayRandomScalars rng =
        RandomScalars.replay(HexFormat.of().parseHex(setup.get("rng_seed").asText()));
    GroupSetup group = scheme().setup(rng);
    assertThat(group.groupKey().toBase64()).isEqualTo(ourExportOf(vectors.get("group_key").asText()));
    assertThat(group.managerKey().toBase64())
        .isEqualTo(ourExportOf(vectors.get("manager_key").asText()));
    assertThat(rng.bytesDrawn()).isEqualTo(setup.get("rng_bytes").asLong());
  }

  @Test
  void sign_replaysPygroupsig() throws Exception {
    GroupKey groupKey = groupKey();
    List<String> failures = new ArrayList<>();
    for (JsonNode record : vectors.get("signatures")) {
      ReplayRandomScalars rng =
          RandomScalars.replay(HexFormat.of().parseHex(record.get("rng_seed").asText()));
      GroupSignature signature =
          signAs(
              record,
              record.get("message").asText(),
              memberKey(record.get("member_index").asInt()),
              groupKey,
              rng);
      if (!signature.toBase64().equals(ourExportOf(record.get("signature").asText()))) {
        failures.add("signature " + record.get("index") + " differs");
      }
      if (rng.bytesDrawn() != record.get("rng_bytes").asLong()) {
        failures.add("signature " + record.get("index") + " drew " + rng.bytesDrawn() + " bytes");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void join_replaysPygroupsigTranscript() throws Exception {
    GroupKey groupKey = groupKey();
    ManagerKey managerKey = scheme().importManagerKey(vectors.get("manager_key").asText());
    JsonNode transcript = vectors.get("join_transcript");
    Gml gml = Gml.empty();
    JoinMessage last = null;
    MemberKey partial = null;
    boolean complete = false;
    List<String> failures = new ArrayList<>();
    for (JsonNode step : transcript.get("messages")) {
      ReplayRandomScalars rng =
          RandomScalars.replay(HexFormat.of().parseHex(step.get("rng_seed").asText()));
      JoinMessage produced;
      if (step.get("sender").asText().equals("manager")) {
        ManagerJoinStep managerStep = scheme().joinManager(groupKey, managerKey, gml, last, rng);
        gml = managerStep.gml();
        produced = managerStep.message();
      } else {
        MemberJoinStep memberStep = scheme().joinMember(groupKey, partial, last, rng);
        partial = memberStep.partialKey();
        complete = memberStep.complete();
        produced = memberStep.reply();
      }
      String expected = PythonJson.write(JSON.convertValue(step.get("message"), java.util.Map.class));
      if (!produced.toJson().equals(expected)) {
        failures.add("step " + step.get("step").asText() + " message differs");
      }
      if (rng.bytesDrawn() != step.get("rng_bytes").asLong()) {
        failures.add("step " + step.get("step").asText() + " drew " + rng.bytesDrawn() + " bytes");
      }
      last = produced;
    }
    assertThat(failures).isEmpty();
    assertThat(complete).isTrue();
    assertThat(partial.toBase64())
        .isEqualTo(ourExportOf(transcript.get("resulting_member_key").asText()));
  }
}
