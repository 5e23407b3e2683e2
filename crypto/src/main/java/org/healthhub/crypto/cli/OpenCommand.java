package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.Opening.Opened;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "open",
    description = {
      "Names the member behind a signature with the full manager key (bbs04, cpy06, ps16, klap20).",
      "Prints the member id; ps16 and klap20 also give the opening's proof (--proof, or a second line)."
    })
final class OpenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;

  @Option(names = "--group-key", required = true) Path groupKey;

  @Option(names = "--manager-key", required = true) Path managerKey;

  @Option(names = "--gml", required = true) Path gml;

  @Option(names = "--signature", required = true) Path signature;

  @Option(names = "--proof", description = "file to write the opening's proof to (ps16, klap20)")
  Path proof;

  @Override
  public Integer call() throws Exception {
    Opening opening = scheme.offering(Opening.class, "open");
    var chosen = scheme.scheme();
    Opened opened =
        opening.open(
            chosen.importSignature(Io.read(signature)),
            chosen.importGroupKey(Io.read(groupKey)),
            chosen.importManagerKey(Io.read(managerKey)),
            Gml.fromBase64(Io.read(gml)),
            RandomScalars.secure());
    spec.commandLine().getOut().println(opened.memberId());
    if (opened.proofBase64().isPresent()) {
      Io.writeOrPrint(proof, opened.proofBase64().get(), spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
