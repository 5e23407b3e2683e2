package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.gl19.Gl19;
import org.healthhub.crypto.groupsig.gl19.Gl19BlindKey;
import org.healthhub.crypto.groupsig.gl19.Gl19BlindSignature;
import org.healthhub.crypto.groupsig.gl19.Gl19Blinded;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** gl19's blind conversion: the holder blinds, the manager converts, the receiver unblinds. */
final class Gl19Commands {
  private Gl19Commands() {}

  @Command(
      name = "blind",
      description = {
        "gl19: blinds a (verified) signature to the receiver's blind key, or to a new one"
            + " (--new-blind-key, written owner-only).",
        "Writes the blinded signature to --out and prints the blind key's public part, which"
            + " the manager's convert takes (--blind-public)."
      })
  static final class Blind implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--group-key", required = true) Path groupKey;

    @Option(names = "--message", required = true) String message;

    @Option(names = "--signature", required = true) Path signature;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeyChoice key;

    static final class KeyChoice {
      @Option(names = "--blind-key", description = "the receiver's blind key file") Path existing;

      @Option(names = "--new-blind-key", description = "blind key file to create") Path created;
    }

    @Option(names = "--out", required = true, description = "blinded signature file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      Gl19 gl19 = scheme.offering(Gl19.class, "blind");
      GroupKey group = gl19.importGroupKey(Io.read(groupKey));
      var sig = gl19.importSignature(Io.read(signature));
      RandomScalars rng = RandomScalars.secure();
      Gl19Blinded blinded =
          key.existing != null
              ? gl19.blind(message, sig, group, Gl19BlindKey.fromBase64(Io.read(key.existing)), rng)
              : gl19.blind(message, sig, group, rng);
      if (key.created != null) {
        Io.writeSecret(key.created, blinded.key().toBase64());
      }
      Io.write(out, blinded.signature().toBase64());
      spec.commandLine().getOut().println(blinded.key().publicBase64());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "convert",
      description = "gl19: the manager converts a batch of signatures blinded to one key (output order shuffled).")
  static final class Convert implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--group-key", required = true) Path groupKey;

    @Option(names = "--manager-key", required = true) Path managerKey;

    @Option(names = "--blind-public", required = true, description = "file holding the receiver's public blind key")
    Path blindPublic;

    @Option(names = "--blinded", required = true, arity = "1..*") List<Path> blinded;

    @Option(names = "--out", required = true, arity = "1..*", description = "one file per converted signature")
    List<Path> out;

    @Override
    public Integer call() throws Exception {
      if (out.size() != blinded.size()) {
        throw new ParameterException(spec.commandLine(), "give as many --out files as --blinded ones");
      }
      Gl19 gl19 = scheme.offering(Gl19.class, "convert");
      List<Gl19BlindSignature> inputs = new ArrayList<>();
      for (String text : Io.readAll(blinded)) {
        inputs.add(Gl19BlindSignature.fromBase64(text));
      }
      List<Gl19BlindSignature> converted =
          gl19.convert(
              inputs,
              Io.read(blindPublic),
              gl19.importGroupKey(Io.read(groupKey)),
              gl19.importManagerKey(Io.read(managerKey)),
              RandomScalars.secure());
      for (int i = 0; i < converted.size(); i++) {
        Io.write(out.get(i), converted.get(i).toBase64());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "unblind",
      description = "gl19: prints the pseudonym of a converted signature (equal within a batch for one member).")
  static final class Unblind implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--blind-key", required = true) Path blindKey;

    @Option(names = "--converted", required = true) Path converted;

    @Override
    public Integer call() throws Exception {
      scheme.offering(Gl19.class, "unblind");
      String nym =
          Gl19.unblind(
              Gl19BlindSignature.fromBase64(Io.read(converted)), Gl19BlindKey.fromBase64(Io.read(blindKey)));
      spec.commandLine().getOut().println(nym);
      return ExitCodes.OK;
    }
  }
}
