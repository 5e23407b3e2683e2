package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.OpeningResult;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "open-verify",
    description = {
      "Checks an opening with public data only: a ps16/klap20 opening proof (--proof), or a"
          + " bbs04/cpy06 dual-control opening result (--result with --commitments).",
      "Exit 0 and the member id (dual control) or 'valid' on stdout; 1 if it does not hold."
    })
final class OpenVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;

  @Option(names = "--group-key", required = true) Path groupKey;

  @Option(names = "--signature", required = true) Path signature;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--proof", description = "ps16, klap20: the proof open gave") Path proof;

    @ArgGroup(exclusive = false)
    DualControl dualControl;
  }

  static final class DualControl {
    @Option(names = "--result", required = true, description = "bbs04, cpy06: the result open-combine gave")
    Path result;

    @Option(names = "--commitments", required = true, description = "the group's share commitments")
    Path commitments;
  }

  @Override
  public Integer call() throws Exception {
    GroupSignatureScheme chosen = scheme.scheme();
    GroupKey group = chosen.importGroupKey(Io.read(groupKey));
    GroupSignature sig = chosen.importSignature(Io.read(signature));
    if (what.proof != null) {
      Opening opening = scheme.offering(Opening.class, "open-verify");
      opening.verifyOpening(sig, group, Io.read(what.proof));
      spec.commandLine().getOut().println("valid");
      return ExitCodes.OK;
    }
    DualControlOpening opening = scheme.offering(DualControlOpening.class, "dual-control opening");
    OpeningResult result = OpeningResult.fromBase64(Io.read(what.dualControl.result));
    ShareCommitments commitments =
        ShareCommitments.fromBase64(scheme.name, Io.read(what.dualControl.commitments));
    DualControlOpener.verify(opening, result, sig, group, commitments);
    spec.commandLine().getOut().println(result.memberId());
    return ExitCodes.OK;
  }
}
