package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SequentialLinking;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sign", description = "Signs a text message (UTF-8) as a member of the group.")
final class SignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SchemeOption scheme;
  @Mixin Scoping scoping;

  @Option(names = "--group-key", required = true) Path groupKey;

  @Option(names = "--member-key", required = true) Path memberKey;

  @Option(names = "--message", required = true) String message;

  @Option(names = "--state", description = "dl21seq: the sequence state (default 0)")
  Long state;

  @Option(names = "--out", description = "signature file to write (default: stdout)")
  Path out;

  @Override
  public Integer call() throws Exception {
    GroupSignatureScheme chosen = scheme.scheme();
    GroupKey group = chosen.importGroupKey(Io.read(groupKey));
    MemberKey member = chosen.importMemberKey(Io.read(memberKey));
    RandomScalars rng = RandomScalars.secure();
    String scope = scoping.scopeFor(chosen);
    GroupSignature signature;
    if (state != null) {
      Scoping.requireSequential(spec, chosen);
      signature = ((SequentialLinking) chosen).sign(message, member, group, scope, state, rng);
    } else if (chosen instanceof Linking linking) {
      signature = linking.sign(message, member, group, scope, rng);
    } else {
      signature = chosen.sign(message, member, group, rng);
    }
    Io.writeOrPrint(out, signature.toBase64(), spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
