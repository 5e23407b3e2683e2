package org.healthhub.crypto.groupsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.mcl.ReplayRandomScalars;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The linking checks of dl21 and dl21seq: the identify matrix, link replayed from its seed and
 * verified, the link negatives, and the scoped signatures and link, where we differ from
 * pygroupsig: its link_verify verifies the signatures in the default scope, so a scoped link
 * never verified there; ours verifies them in the given scope.
 */
public abstract class LinkingVectors extends SchemeVectorsContract {
  protected final JsonNode extra = vectors.get("extra_operations");

  protected abstract Linking linking();

  @Override
  protected GroupSignature signAs(
      JsonNode record, String message, MemberKey key, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    return linking().sign(message, key, groupKey, scopeOf(record, "sign_kwargs"), rng);
  }

  @Override
  protected void verifyAs(JsonNode record, String message, GroupSignature signature, GroupKey key)
      throws GeneralSecurityException {
    linking().verify(message, signature, key, scopeOf(record, "verify_kwargs"));
  }

  protected static String scopeOf(JsonNode record, String kwargs) {
    JsonNode args = record.get(kwargs);
    return args != null && args.has("scope") ? args.get("scope").asText() : Linking.DEFAULT_SCOPE;
  }

  protected GroupSignature signature(int index) throws GeneralSecurityException {
    return scheme().importSignature(vectors.get("signatures").get(index).get("signature").asText());
  }

  /** The signatures a link record names (by index, or given in full) and their messages. */
  protected List<GroupSignature> signaturesOf(JsonNode record) throws GeneralSecurityException {
    List<GroupSignature> out = new ArrayList<>();
    if (record.has("signatures")) {
      for (JsonNode signature : record.get("signatures")) {
        out.add(scheme().importSignature(signature.asText()));
      }
    } else {
      for (JsonNode index : record.get("signature_indices")) {
        out.add(signature(index.asInt()));
      }
    }
    return out;
  }

  /** The statement a link record makes, in {@code scope}. */
  protected LinkStatement statementOf(JsonNode record, String scope) throws GeneralSecurityException {
    return new LinkStatement(record.get("link_message").asText(), messagesOf(record), signaturesOf(record), scope);
  }

  protected List<String> messagesOf(JsonNode record) {
    List<String> out = new ArrayList<>();
    if (record.has("messages")) {
      record.get("messages").forEach(m -> out.add(m.asText()));
    } else {
      record.get("signature_indices")
          .forEach(i -> out.add(vectors.get("signatures").get(i.asInt()).get("message").asText()));
    }
    return out;
  }

  @Test
  void identify_matrix_matchesPygroupsig() throws Exception {
    List<String> failures = new ArrayList<>();
    for (JsonNode record : extra.get("identify")) {
      String scope = record.has("scope") ? record.get("scope").asText() : Linking.DEFAULT_SCOPE;
      boolean identified =
          linking()
              .identify(
                  signature(record.get("signature_index").asInt()),
                  memberKey(record.get("member_key_index").asInt()),
                  scope);
      if (identified != record.get("expected").asBoolean()) {
        failures.add(record.toString());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void link_replaysPygroupsigAndVerifies() throws Exception {
    JsonNode record = extra.get("link").get(0);
    ReplayRandomScalars rng = RandomScalars.replay(Vectors.hex(record.get("rng_seed")));
    LinkStatement statement = statementOf(record, Linking.DEFAULT_SCOPE);
    String proof = linking().link(statement, memberKey(record.get("member_key_index").asInt()), groupKey(), rng);
    assertThat(proof).isEqualTo(record.get("result").get("proof").asText());
    assertThat(rng.bytesDrawn()).isEqualTo(record.get("rng_bytes").asLong());
    linking().verifyLink(statement, proof, groupKey());
  }

  @Test
  void verifyLink_otherLinkMessageOrScope_rejects() throws Exception {
    for (JsonNode record : extra.get("link")) {
      if (!record.has("proof")) {
        continue;
      }
      String scope = record.has("scope") ? record.get("scope").asText() : Linking.DEFAULT_SCOPE;
      assertThatThrownBy(
              () -> linking().verifyLink(statementOf(record, scope), record.get("proof").asText(), groupKey()))
          .as(record.get("why").asText())
          .isInstanceOf(InvalidSignatureException.class);
    }
  }

  @Test
  void link_signatureOfAnotherMember_throwsSignerNotFound() throws Exception {
    JsonNode record = extra.get("link").get(3);
    assertThat(record.get("expected").asBoolean()).isFalse();
    assertThatThrownBy(
            () -> linking().link(
                statementOf(record, Linking.DEFAULT_SCOPE), memberKey(record.get("member_key_index").asInt()),
                groupKey(), RandomScalars.secure()))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void scopedSignatures_replayAndVerifyOnlyInTheirScope() throws Exception {
    JsonNode scoped = extra.get("scoped");
    String scope = scoped.get("scope").asText();
    for (JsonNode record : scoped.get("signatures")) {
      ReplayRandomScalars rng = RandomScalars.replay(Vectors.hex(record.get("rng_seed")));
      GroupSignature replayed =
          signAs(record, record.get("message").asText(), memberKey(record.get("member_index").asInt()), groupKey(), rng);
      assertThat(replayed.toBase64()).isEqualTo(ourExportOf(record.get("signature").asText()));
      assertThat(rng.bytesDrawn()).isEqualTo(record.get("rng_bytes").asLong());
      GroupSignature signature = scheme().importSignature(record.get("signature").asText());
      linking().verify(record.get("message").asText(), signature, groupKey(), scope);
      assertThatThrownBy(
              () -> linking().verify(record.get("message").asText(), signature, groupKey(), Linking.DEFAULT_SCOPE))
          .isInstanceOf(InvalidSignatureException.class);
      MemberKey member = memberKey(record.get("member_index").asInt());
      assertThat(linking().identify(signature, member, scope)).isTrue();
      assertThat(linking().identify(signature, member, Linking.DEFAULT_SCOPE)).isFalse();
    }
  }

  /** Where we differ: pygroupsig's link_verify recorded false for this correct scoped proof. */
  @Test
  void verifyLink_scopedLink_verifiesUnlikePygroupsig() throws Exception {
    JsonNode scoped = extra.get("scoped");
    String scope = scoped.get("scope").asText();
    JsonNode link = scoped.get("link");
    assertThat(link.get("link_verify_with_scope").asText()).isEqualTo("false");
    List<String> messages = new ArrayList<>();
    List<GroupSignature> signatures = new ArrayList<>();
    for (JsonNode record : scoped.get("signatures")) {
      messages.add(record.get("message").asText());
      signatures.add(scheme().importSignature(record.get("signature").asText()));
    }
    ReplayRandomScalars rng = RandomScalars.replay(Vectors.hex(link.get("rng_seed")));
    LinkStatement statement = new LinkStatement(scopedLinkMessage(), messages, signatures, scope);
    String proof = linking().link(statement, memberKey(0), groupKey(), rng);
    assertThat(proof).isEqualTo(link.get("result").get("proof").asText());
    linking().verifyLink(statement, proof, groupKey());
  }

  /** The vectors do not record the scoped link's message; pygroupsig's generator used this one. */
  protected String scopedLinkMessage() {
    return "password";
  }
}
