package org.healthhub.crypto.groupsig.dl21seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.LinkStatement;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.LinkingVectors;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.Test;

class Dl21SeqVectorsTest extends LinkingVectors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Dl21Seq scheme = new Dl21Seq();

  @Override
  protected GroupSignatureScheme scheme() {
    return scheme;
  }

  @Override
  protected Linking linking() {
    return scheme;
  }

  @Override
  protected String vectorName() {
    return "dl21seq";
  }

  /** We label what we make "dl21seq"; pygroupsig labelled the same object "dl21". */
  @Override
  protected String ourExportOf(String pygroupsigExport) {
    return relabelled(pygroupsigExport, "dl21seq");
  }

  @Override
  protected GroupSignature signAs(
      JsonNode record, String message, MemberKey key, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    JsonNode args = record.get("sign_kwargs");
    long state = args != null && args.has("state") ? args.get("state").asLong() : 0;
    return scheme.sign(message, key, groupKey, scopeOf(record, "sign_kwargs"), state, rng);
  }

  private static String relabelled(String export, String label) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> outer =
          JSON.readValue(Base64.getDecoder().decode(export), LinkedHashMap.class);
      outer.put("scheme", label);
      return Base64.getEncoder()
          .encodeToString(PythonJson.write(outer).getBytes(StandardCharsets.US_ASCII));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private List<GroupSignature> imported(JsonNode array) throws GeneralSecurityException {
    List<GroupSignature> out = new ArrayList<>();
    for (JsonNode item : array) {
      out.add(scheme.importSignature(item.asText()));
    }
    return out;
  }

  @Test
  void seqlink_recordedCases_replayAndVerifyOnlyInOrder() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode record : extra.get("seqlink")) {
      if (!record.has("signatures")) {
        continue;
      }
      String name = record.get("case").asText();
      List<String> messages = texts(record.get("messages"));
      List<GroupSignature> signatures = imported(record.get("signatures"));
      MemberKey member = memberKey(record.get("member_key_index").asInt());
      for (int i = 0; i < signatures.size(); i++) {
        JsonNode seeds = record.get("signature_rng").get(i);
        ReplayRandomScalars rng = RandomScalars.replay(Vectors.hex(seeds.get("rng_seed")));
        GroupSignature replayed =
            scheme.sign(messages.get(i), member, groupKey(), Linking.DEFAULT_SCOPE, record.get("states").get(i).asLong(), rng);
        if (!replayed.toBase64().equals(ourExportOf(record.get("signatures").get(i).asText()))) {
          failures.add(name + ": signature " + i + " differs");
        }
      }
      ReplayRandomScalars rng = RandomScalars.replay(Vectors.hex(record.get("rng_seed")));
      String proof =
          scheme.seqlink(new LinkStatement(record.get("seqlink_message").asText(), messages, signatures, Linking.DEFAULT_SCOPE), member, groupKey(), rng);
      if (!proof.equals(record.get("result").get("proof").asText())) {
        failures.add(name + ": seqlink proof differs");
      }
      boolean verified = true;
      try {
        scheme.verifySeqlink(new LinkStatement(record.get("seqlink_message").asText(), messages, signatures, Linking.DEFAULT_SCOPE), proof, groupKey());
      } catch (InvalidSignatureException e) {
        verified = false;
      }
      if (verified != record.get("expected").asBoolean()) {
        failures.add(name + ": verified " + verified);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void seqlink_signaturesOfTwoMembers_throwsSignerNotFound() throws Exception {
    List<GroupSignature> signatures = List.of(signature(0), signature(2));
    List<String> messages =
        List.of(vectors.get("signatures").get(0).get("message").asText(), vectors.get("signatures").get(2).get("message").asText());
    assertThatThrownBy(
            () -> scheme.seqlink(new LinkStatement("password", messages, signatures, Linking.DEFAULT_SCOPE), memberKey(0), groupKey(), RandomScalars.secure()))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void seqValues_matchRecordedPrf() throws Exception {
    JsonNode prf = extra.get("prf");
    Dl21SeqMemberKey member = (Dl21SeqMemberKey) memberKey(prf.get("member_key_index").asInt());
    assertThat(member.k).isEqualTo(prf.get("k").asText());
    assertThat(member.kk).isEqualTo(prf.get("kk").asText());
    for (JsonNode record : prf.get("signatures_state")) {
      SeqValues computed = SeqValues.compute(member.k, member.kk, record.get("state").asLong());
      Map<String, String> expected = JSON.convertValue(record.get("seq"), new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {});
      assertThat(computed.toMap()).containsExactlyEntriesOf(expected);
      assertThat(((Dl21SeqSignature) signature(record.get("signature_index").asInt())).seq).isEqualTo(computed);
    }
  }

  /**
   * Where we differ: pygroupsig's verify ignores seq, and so does ours (it is not covered by the
   * signature's proof); but seqlink refuses the edited signature and verifySeqlink rejects it.
   */
  @Test
  void editedSeq_verifiesPlainButFailsSeqlink() throws Exception {
    JsonNode edited = extra.get("seq_not_covered_by_verify");
    GroupSignature tampered = scheme.importSignature(edited.get("signature").asText());
    String message = edited.get("message").asText();
    scheme.verify(message, tampered, groupKey());
    GroupSignature original = signature(0);
    assertThat(((Dl21SeqSignature) tampered).core.toBase64()).isEqualTo(((Dl21SeqSignature) original).core.toBase64());
    assertThatThrownBy(
            () -> scheme.seqlink(new LinkStatement("password", List.of(message), List.of(tampered), Linking.DEFAULT_SCOPE), memberKey(0), groupKey(), RandomScalars.secure()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("edited");
    String honest =
        scheme.seqlink(new LinkStatement("password", List.of(message), List.of(original), Linking.DEFAULT_SCOPE), memberKey(0), groupKey(), RandomScalars.secure());
    scheme.verifySeqlink(new LinkStatement("password", List.of(message), List.of(original), Linking.DEFAULT_SCOPE), honest, groupKey());
    assertThatThrownBy(
            () -> scheme.verifySeqlink(new LinkStatement("password", List.of(message), List.of(tampered), Linking.DEFAULT_SCOPE), honest, groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("seq[1]");
  }

  /** Where we differ: pygroupsig verifies a signature whose seq was removed; ours refuses it. */
  @Test
  void importSignature_seqRemoved_isMalformed() throws Exception {
    for (JsonNode lenient : vectors.get("lenient_inputs")) {
      if (lenient.has("removed_field") && lenient.get("removed_field").asText().equals("seq")) {
        assertThatThrownBy(() -> scheme.importSignature(lenient.get("signature").asText()))
            .isInstanceOf(MalformedInputException.class)
            .hasMessageContaining("seq");
        return;
      }
    }
    throw new AssertionError("the vectors hold no signature with seq removed");
  }

  /** pygroupsig labels dl21seq exports "dl21"; we read both labels and keep the one read. */
  @Test
  void labels_dl21AndDl21seqBothRead_reexportKeepsLabel() throws Exception {
    String pygroupsig = vectors.get("signatures").get(0).get("signature").asText();
    assertThat(scheme.importSignature(pygroupsig).toBase64()).isEqualTo(pygroupsig);
    String ours = relabelled(pygroupsig, "dl21seq");
    GroupSignature read = scheme.importSignature(ours);
    assertThat(read.toBase64()).isEqualTo(ours);
    scheme.verify(vectors.get("signatures").get(0).get("message").asText(), read, groupKey());
    assertThatThrownBy(() -> scheme.importSignature(relabelled(pygroupsig, "dl21x")))
        .isInstanceOf(MalformedInputException.class);
  }
}
