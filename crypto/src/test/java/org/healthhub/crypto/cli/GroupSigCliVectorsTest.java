package org.healthhub.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command on files holding pygroupsig's own exports, every scheme. */
class GroupSigCliVectorsTest {
  @TempDir Path dir;

  /**
   * gl19's recorded credentials are valid at the generator's pinned clock; a record's
   * {@code verify_kwargs} may name a scope.
   */
  private static List<String> verifyArgs(String scheme, JsonNode vectors, String message, JsonNode record) {
    List<String> args = new ArrayList<>(List.of(
        "verify", "--scheme", scheme, "--group-key", "@group.key", "--message", message, "--signature", "@sig"));
    if (record.path("verify_kwargs").has("scope")) {
      args.addAll(List.of("--scope", record.path("verify_kwargs").path("scope").asText()));
    }
    if (scheme.equals("gl19")) {
      args.addAll(List.of("--now", vectors.path("generator").path("gl19_now_pinned").asText()));
    }
    return args;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void verify_recordedSignatures_exitAsPygroupsigRecorded(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    cli.write("group.key", vectors.path("group_key").asText());
    for (JsonNode signature : vectors.path("signatures")) {
      cli.write("sig", signature.path("signature").asText());
      Cli.Result result = cli.run(verifyArgs(scheme, vectors, signature.path("message").asText(), signature).toArray(String[]::new));
      if (signature.path("valid").asBoolean()) {
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.line()).isEqualTo("valid");
        Cli.Result wrong = cli.run(verifyArgs(scheme, vectors, "not the signed text", signature).toArray(String[]::new));
        assertThat(wrong.code()).as("wrong message").isEqualTo(1);
        assertThat(wrong.err()).contains("invalid");
        assertThat(wrong.out()).isEmpty();
      } else {
        assertThat(result.code()).isIn(1, 2);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void verify_recordedNegatives_exit1Or2WithReason(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    cli.write("group.key", vectors.path("group_key").asText());
    for (JsonNode negative : vectors.path("negatives")) {
      cli.write("sig", negative.path("signature").asText());
      Cli.Result result = cli.run(verifyArgs(scheme, vectors, negative.path("message").asText(), negative).toArray(String[]::new));
      assertThat(result.code()).as(negative.path("id").asText()).isIn(1, 2);
      assertThat(result.err()).as(negative.path("id").asText()).isNotBlank();
      assertThat(result.out()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void verify_garbageSignatureFile_exits2(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    cli.write("group.key", vectors.path("group_key").asText());
    cli.write("sig", "bm90IGEgc2lnbmF0dXJl");
    Cli.Result result = cli.run(verifyArgs(scheme, vectors, "m", vectors).toArray(String[]::new));
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("malformed input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void export_recordedExports_reexportByteIdentical(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    assertReexports(cli, scheme, "group", vectors.path("group_key").asText());
    assertReexports(cli, scheme, "manager", vectors.path("manager_key").asText());
    for (JsonNode member : vectors.path("members")) {
      if (member.path("member_key_reexport_identical").asBoolean(true)) {
        assertReexports(cli, scheme, "member", member.path("member_key").asText());
      }
    }
    for (JsonNode signature : vectors.path("signatures")) {
      if (signature.path("signature_reexport_identical").asBoolean(true)) {
        assertReexports(cli, scheme, "signature", signature.path("signature").asText());
      }
    }
    if (vectors.has("gml")) {
      assertReexports(cli, scheme, "gml", vectors.path("gml").asText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void export_jsonFormat_decodesContainerAndFields(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    cli.write("in", vectors.path("signatures").get(0).path("signature").asText());
    Cli.Result result = Cli.check(cli.run("export", "--scheme", scheme, "--type", "signature", "--in", "@in", "--format", "json"));
    JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
    assertThat(json.path("scheme").asText()).isIn(scheme, "dl21"); // dl21seq exports say "dl21"
    assertThat(json.path("signature").isObject()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void export_signatureAsGroupKey_exits2(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    cli.write("in", vectors.path("signatures").get(0).path("signature").asText());
    Cli.Result result = cli.run("export", "--scheme", scheme, "--type", "group", "--in", "@in");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "ps16", "klap20"})
  void open_recordedSignatures_namePygroupsigsMember(String scheme) throws Exception {
    JsonNode vectors = Vectors.pygroupsig(scheme);
    Cli cli = new Cli(dir);
    cli.write("group.key", vectors.path("group_key").asText());
    cli.write("manager.key", vectors.path("manager_key").asText());
    cli.write("gml", vectors.path("gml").asText());
    for (JsonNode open : vectors.path("open")) {
      cli.write("sig", vectors.path("signatures").get(open.path("signature_index").asInt()).path("signature").asText());
      Cli.Result opened = cli.run("open", "--scheme", scheme, "--group-key", "@group.key", "--manager-key",
          "@manager.key", "--gml", "@gml", "--signature", "@sig", "--proof", "@proof");
      assertThat(opened.code()).as(opened.err()).isZero();
      assertThat(opened.line()).isEqualTo(open.path("expected_gml_id").asText());
      if (scheme.equals("ps16") || scheme.equals("klap20")) {
        assertThat(cli.run("open-verify", "--scheme", scheme, "--group-key", "@group.key", "--signature", "@sig",
            "--proof", "@proof").code()).isZero();
      }
    }
  }

  private void assertReexports(Cli cli, String scheme, String type, String base64) throws Exception {
    cli.write("in", base64 + "\n");
    Cli.Result result = cli.run("export", "--scheme", scheme, "--type", type, "--in", "@in");
    assertThat(result.code()).as(type + ": " + result.err()).isZero();
    assertThat(result.line()).as(type).isEqualTo(base64);
  }
}
