package org.healthhub.crypto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    description = {
      "Reads a key, signature or membership list file (checking every element) and writes it again:"
          + " as pygroupsig's canonical base64 (--format base64), or decoded for reading"
          + " (--format json: the container with its inner fields as JSON)."
    })
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  enum Type { group, manager, member, signature, gml }

  enum Format { base64, json }

  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;

  @Option(names = "--type", required = true, description = "${COMPLETION-CANDIDATES}")
  Type type;

  @Option(names = "--in", required = true) Path in;

  @Option(names = "--format", defaultValue = "base64", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--out", description = "file to write (default: stdout); secrets are written owner-only")
  Path out;

  @Override
  public Integer call() throws Exception {
    GroupSignatureScheme chosen = scheme.scheme();
    String text = Io.read(in);
    String base64 =
        switch (type) {
          case group -> chosen.importGroupKey(text).toBase64();
          case manager -> chosen.importManagerKey(text).toBase64();
          case member -> chosen.importMemberKey(text).toBase64();
          case signature -> chosen.importSignature(text).toBase64();
          case gml -> Gml.fromBase64(text).toBase64();
        };
    String output = format == Format.base64 ? base64 : decoded(base64);
    boolean secret = type == Type.manager || type == Type.member;
    if (secret && out != null) {
      Io.writeSecret(out, output);
    } else {
      Io.writeOrPrint(out, output, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }

  /** The container's JSON with the inner {@code key} or {@code signature} base64 decoded too. */
  private static String decoded(String base64) throws Exception {
    ObjectNode outer = PythonJson.readObject(decodeText(base64), "export");
    for (String inner : new String[] {"key", "signature"}) {
      JsonNode value = outer.get(inner);
      if (value != null && value.isTextual()) {
        outer.set(inner, PythonJson.readObject(decodeText(value.textValue()), inner));
      }
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(outer);
  }

  private static String decodeText(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
  }
}
