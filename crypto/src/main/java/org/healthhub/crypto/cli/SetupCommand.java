package org.healthhub.crypto.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.DualControlSetup;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "setup",
    description = {
      "Creates a group: group key, manager key and an empty membership list.",
      "With --dual-control (bbs04, cpy06) the opening secret exists only as two shares:"
          + " the manager key file then holds the issuing key alone."
    })
final class SetupCommand implements Callable<Integer> {
  @Mixin SchemeOption scheme;

  @Option(names = "--group-key", required = true, description = "group key file to write")
  Path groupKey;

  @Option(names = "--manager-key", required = true, description = "manager key file to write (secret)")
  Path managerKey;

  @Option(names = "--gml", description = "membership list file to write (schemes that keep one)")
  Path gml;

  @ArgGroup(exclusive = false)
  DualControl dualControl;

  static final class DualControl {
    @Option(names = "--dual-control", required = true, description = "split the opening secret")
    boolean enabled;

    @Option(names = "--gm-share", required = true, description = "Group Manager's opening share file (secret)")
    Path gmShare;

    @Option(names = "--rm-share", required = true, description = "Revocation Manager's opening share file (secret)")
    Path rmShare;

    @Option(names = "--commitments", required = true, description = "public share commitments file")
    Path commitments;
  }

  @Override
  public Integer call() throws Exception {
    RandomScalars rng = RandomScalars.secure();
    if (dualControl != null) {
      DualControlOpening opening = scheme.offering(DualControlOpening.class, "dual-control opening");
      DualControlSetup setup = opening.setupDualControl(rng);
      Io.write(groupKey, setup.groupKey().toBase64());
      Io.writeSecret(managerKey, setup.keys().issuingKey().toBase64());
      writeGml(setup.gml().toBase64());
      Io.writeSecret(dualControl.gmShare, setup.keys().groupManagerShare().toBase64());
      Io.writeSecret(dualControl.rmShare, setup.keys().revocationManagerShare().toBase64());
      Io.write(dualControl.commitments, setup.keys().commitments().toBase64());
      return ExitCodes.OK;
    }
    GroupSignatureScheme chosen = scheme.scheme();
    GroupSetup setup = chosen.setup(rng);
    Io.write(groupKey, setup.groupKey().toBase64());
    Io.writeSecret(managerKey, setup.managerKey().toBase64());
    writeGml(setup.gml().toBase64());
    return ExitCodes.OK;
  }

  private void writeGml(String base64) throws IOException {
    if (gml != null) {
      Io.write(gml, base64);
    }
  }
}
