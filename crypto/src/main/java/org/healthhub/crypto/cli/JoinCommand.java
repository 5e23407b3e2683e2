package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The join protocol as file exchange: each side runs one step per call, reading the other side's
 * last message and writing its own, so the manager and the member can run on two machines.
 * Steps count from 0 on each side; the manager always runs step 0 first.
 */
@Command(
    name = "join",
    description = "Runs one step of the join protocol (manager or member side).",
    subcommands = {JoinCommand.Manager.class, JoinCommand.Member.class})
final class JoinCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say 'join manager' or 'join member'");
  }

  @Command(
      name = "manager",
      description = {
        "The manager's step: reads the member's message (--in, from step 1 on), writes its own"
            + " (--out) and updates the membership list (--gml) in place."
      })
  static final class Manager implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--step", required = true, description = "this side's step, from 0")
    int step;

    @Option(names = "--group-key", required = true) Path groupKey;

    @Option(names = "--manager-key", required = true) Path managerKey;

    @Option(names = "--gml", description = "membership list, updated in place (schemes that keep one)")
    Path gml;

    @Option(names = "--in", description = "the member's last message (JSON); none at step 0")
    Path in;

    @Option(names = "--out", required = true, description = "the manager's message (JSON) to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      if (step < 0 || (step == 0) != (in == null)) {
        throw new ParameterException(spec.commandLine(), "step 0 takes no --in; every later step needs one");
      }
      GroupSignatureScheme chosen = scheme.scheme();
      JoinMessage fromMember = in == null ? null : JoinMessage.fromJson(Io.read(in));
      Gml members = gml == null ? Gml.empty() : Gml.fromBase64(Io.read(gml));
      ManagerJoinStep result =
          chosen.joinManager(
              chosen.importGroupKey(Io.read(groupKey)),
              chosen.importManagerKey(Io.read(managerKey)),
              members,
              fromMember,
              RandomScalars.secure());
      Io.write(out, result.message().toJson());
      if (gml != null) {
        Io.write(gml, result.gml().toBase64());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "member",
      description = {
        "The member's step: reads the manager's message (--in) and its partial key"
            + " (--partial-key, from step 1 on), writes its reply (--out) and the partial key;"
            + " once the key is complete it is written to --member-key and stdout says 'complete'"
            + " (else 'continue')."
      })
  static final class Member implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;

    @Option(names = "--step", required = true, description = "this side's step, from 0")
    int step;

    @Option(names = "--group-key", required = true) Path groupKey;

    @Option(names = "--in", required = true, description = "the manager's last message (JSON)")
    Path in;

    @Option(names = "--out", description = "the member's reply (JSON) to write, if the join goes on")
    Path out;

    @Option(
        names = "--partial-key",
        required = true,
        description = "partial member key (secret): read from step 1 on, rewritten at every step")
    Path partialKey;

    @Option(names = "--member-key", required = true, description = "member key file (secret) written once complete")
    Path memberKey;

    @Override
    public Integer call() throws Exception {
      GroupSignatureScheme chosen = scheme.scheme();
      GroupKey group = chosen.importGroupKey(Io.read(groupKey));
      if (step < 0) {
        throw new ParameterException(spec.commandLine(), "--step counts from 0");
      }
      MemberKey partial = step == 0 ? null : chosen.importMemberKey(Io.read(partialKey));
      MemberJoinStep result =
          chosen.joinMember(group, partial, JoinMessage.fromJson(Io.read(in)), RandomScalars.secure());
      Io.writeSecret(partialKey, result.partialKey().toBase64());
      if (result.complete()) {
        Io.writeSecret(memberKey, result.partialKey().toBase64());
      }
      if (result.reply() != null && out != null) {
        Io.write(out, result.reply().toJson());
      } else if (!result.complete()) {
        throw new ParameterException(spec.commandLine(), "the join goes on: give --out for the reply");
      }
      spec.commandLine().getOut().println(result.complete() ? "complete" : "continue");
      return ExitCodes.OK;
    }
  }
}
