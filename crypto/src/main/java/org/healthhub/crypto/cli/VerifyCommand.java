package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Linking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    description = {
      "Checks a group signature of a text message.",
      "Exit 0 and 'valid' on stdout for a valid signature; 1 for an invalid one; 2 for malformed input."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;
  @Mixin Scoping scoping;

  @Option(names = "--group-key", required = true) Path groupKey;

  @Option(names = "--message", required = true) String message;

  @Option(names = "--signature", required = true) Path signature;

  @Override
  public Integer call() throws Exception {
    GroupSignatureScheme chosen = scheme.scheme();
    GroupKey group = chosen.importGroupKey(Io.read(groupKey));
    GroupSignature sig = chosen.importSignature(Io.read(signature));
    String scope = scoping.scopeFor(chosen);
    if (chosen instanceof Linking linking) {
      linking.verify(message, sig, group, scope);
    } else {
      chosen.verify(message, sig, group);
    }
    spec.commandLine().getOut().println("valid");
    return ExitCodes.OK;
  }
}
