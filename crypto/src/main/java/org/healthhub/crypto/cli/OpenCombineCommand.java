package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.OpeningResult;
import org.healthhub.crypto.groupsig.opening.PartialOpening;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "open-combine",
    description = {
      "Checks the Group Manager's and the Revocation Manager's partial openings and names the signer"
          + " (bbs04, cpy06 under dual control).",
      "Prints the member id; the result with both proofs goes to --out, for open-verify."
    })
final class OpenCombineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;

  @Option(names = "--group-key", required = true) Path groupKey;

  @Option(names = "--commitments", required = true) Path commitments;

  @Option(names = "--gml", required = true) Path gml;

  @Option(names = "--signature", required = true) Path signature;

  @Option(
      names = "--partial",
      required = true,
      arity = "2",
      description = "the two partial openings, in either order")
  List<Path> partials;

  @Option(names = "--out", description = "opening result file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    DualControlOpening opening = scheme.offering(DualControlOpening.class, "dual-control opening");
    OpeningResult result =
        DualControlOpener.combine(
            opening,
            opening.importGroupKey(Io.read(groupKey)),
            ShareCommitments.fromBase64(scheme.name, Io.read(commitments)),
            opening.importSignature(Io.read(signature)),
            Gml.fromBase64(Io.read(gml)),
            PartialOpening.fromBase64(Io.read(partials.get(0))),
            PartialOpening.fromBase64(Io.read(partials.get(1))));
    spec.commandLine().getOut().println(result.memberId());
    if (out != null) {
      Io.write(out, result.toBase64());
    }
    return ExitCodes.OK;
  }
}
