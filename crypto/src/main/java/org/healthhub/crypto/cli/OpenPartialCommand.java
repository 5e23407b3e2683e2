package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.OpeningShare;
import org.healthhub.crypto.groupsig.opening.PartialOpening;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "open-partial",
    description =
        "One manager's partial opening of a signature (bbs04, cpy06 under dual control), with its proof.")
final class OpenPartialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;

  @Option(names = "--group-key", required = true) Path groupKey;

  @Option(names = "--commitments", required = true) Path commitments;

  @Option(names = "--share", required = true, description = "this manager's opening share (secret)")
  Path share;

  @Option(names = "--signature", required = true) Path signature;

  @Option(names = "--out", description = "partial opening file to write (default: stdout)")
  Path out;

  @Override
  public Integer call() throws Exception {
    DualControlOpening opening = scheme.offering(DualControlOpening.class, "dual-control opening");
    PartialOpening partial =
        DualControlOpener.partialOpen(
            opening,
            opening.importGroupKey(Io.read(groupKey)),
            ShareCommitments.fromBase64(scheme.name, Io.read(commitments)),
            OpeningShare.fromBase64(scheme.name, Io.read(share)),
            opening.importSignature(Io.read(signature)),
            RandomScalars.secure());
    Io.writeOrPrint(out, partial.toBase64(), spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
