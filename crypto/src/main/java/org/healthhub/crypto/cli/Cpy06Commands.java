package org.healthhub.crypto.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** cpy06's operations beyond opening: revocation (reveal, trace) and the members' own proofs. */
final class Cpy06Commands {
  private Cpy06Commands() {}

  /** What every cpy06 command reads: the scheme and the group key. */
  abstract static class Cpy06Command implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--group-key", required = true) Path groupKey;

    Cpy06 cpy06() {
      return scheme.offering(Cpy06.class, spec.name());
    }

    GroupKey group() throws Exception {
      return cpy06().importGroupKey(Io.read(groupKey));
    }

    List<GroupSignature> signatures(List<Path> files) throws Exception {
      List<GroupSignature> signatures = new ArrayList<>();
      for (String text : Io.readAll(files)) {
        signatures.add(cpy06().importSignature(text));
      }
      return signatures;
    }
  }

  @Command(
      name = "reveal",
      description = "cpy06: puts a member on the revocation list (--crl, created or updated in place).")
  static final class Reveal implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--member-id", required = true) String memberId;

    @Option(names = "--gml", required = true) Path gml;

    @Option(names = "--crl", required = true) Path crl;

    @Override
    public Integer call() throws Exception {
      Cpy06 cpy06 = scheme.offering(Cpy06.class, "reveal");
      Gml revoked = Files.exists(crl) ? Gml.fromBase64(Io.read(crl)) : Gml.empty();
      Io.write(crl, cpy06.reveal(memberId, Gml.fromBase64(Io.read(gml)), revoked).toBase64());
      spec.commandLine().getOut().println(memberId);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "trace",
      description =
          "cpy06: whether a revoked member made the signature: exit 0 and 'traced', or exit 1 and 'not traced'.")
  static final class Trace extends Cpy06Command {
    @Option(names = "--crl", required = true) Path crl;

    @Option(names = "--signature", required = true) Path signature;

    @Override
    public Integer call() throws Exception {
      boolean traced =
          cpy06().trace(cpy06().importSignature(Io.read(signature)), group(), Gml.fromBase64(Io.read(crl)));
      spec.commandLine().getOut().println(traced ? "traced" : "not traced");
      return traced ? ExitCodes.OK : ExitCodes.REJECTED;
    }
  }

  @Command(name = "prove-equality", description = "cpy06: a member proves it made all the signatures.")
  static final class ProveEquality extends Cpy06Command {
    @Option(names = "--member-key", required = true) Path memberKey;

    @Option(names = "--signature", required = true, arity = "1..*") List<Path> signatureFiles;

    @Option(names = "--proof", description = "proof file to write (default: stdout)") Path proof;

    @Override
    public Integer call() throws Exception {
      DiscreteLogProof made =
          cpy06().proveEquality(
              signatures(signatureFiles),
              cpy06().importMemberKey(Io.read(memberKey)),
              group(),
              RandomScalars.secure());
      Io.writeOrPrint(proof, made.toBase64(), spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "prove-equality-verify",
      description = "cpy06: checks an equality proof over the signatures, in order (exit 1 if it fails).")
  static final class ProveEqualityVerify extends Cpy06Command {
    @Option(names = "--signature", required = true, arity = "1..*") List<Path> signatureFiles;

    @Option(names = "--proof", required = true) Path proof;

    @Override
    public Integer call() throws Exception {
      cpy06().verifyEquality(readProof(proof), signatures(signatureFiles), group());
      spec.commandLine().getOut().println("valid");
      return ExitCodes.OK;
    }
  }

  @Command(name = "claim", description = "cpy06: a member claims one signature as its own.")
  static final class Claim extends Cpy06Command {
    @Option(names = "--member-key", required = true) Path memberKey;

    @Option(names = "--signature", required = true) Path signature;

    @Option(names = "--proof", description = "proof file to write (default: stdout)") Path proof;

    @Override
    public Integer call() throws Exception {
      DiscreteLogProof made =
          cpy06().claim(
              cpy06().importSignature(Io.read(signature)),
              cpy06().importMemberKey(Io.read(memberKey)),
              group(),
              RandomScalars.secure());
      Io.writeOrPrint(proof, made.toBase64(), spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(name = "claim-verify", description = "cpy06: checks a claim (exit 1 if it fails).")
  static final class ClaimVerify extends Cpy06Command {
    @Option(names = "--signature", required = true) Path signature;

    @Option(names = "--proof", required = true) Path proof;

    @Override
    public Integer call() throws Exception {
      cpy06().verifyClaim(readProof(proof), cpy06().importSignature(Io.read(signature)), group());
      spec.commandLine().getOut().println("valid");
      return ExitCodes.OK;
    }
  }

  private static DiscreteLogProof readProof(Path proof) throws Exception {
    return DiscreteLogProof.fromBase64(Io.read(proof));
  }
}
