package org.healthhub.crypto.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code groupsig} command: pygroupsig's operations on files holding pygroupsig's base64
 * exports (keys, signatures, membership lists) and join messages as JSON files.
 *
 * <p>Exit codes: 0 success; 1 a check failed (invalid signature or proof, rejected join, signer
 * not found; for the yes/no commands {@code identify} and {@code trace}: "no"); 2 malformed input,
 * unreadable file or wrong usage; 3 an internal error. Results go to stdout, messages to stderr.
 */
@Command(
    name = "groupsig",
    mixinStandardHelpOptions = true,
    version = "groupsig (HealthHub) 0.1.0",
    description = "Group signatures compatible with pygroupsig's exports.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SetupCommand.class,
      JoinCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      OpenCommand.class,
      OpenVerifyCommand.class,
      OpenPartialCommand.class,
      OpenCombineCommand.class,
      ExportCommand.class,
      Cpy06Commands.Reveal.class,
      Cpy06Commands.Trace.class,
      Cpy06Commands.ProveEquality.class,
      Cpy06Commands.ProveEqualityVerify.class,
      Cpy06Commands.Claim.class,
      Cpy06Commands.ClaimVerify.class,
      Gl19Commands.Blind.class,
      Gl19Commands.Convert.class,
      Gl19Commands.Unblind.class,
      LinkCommands.Identify.class,
      LinkCommands.Link.class,
      LinkCommands.LinkVerify.class,
      LinkCommands.Seqlink.class,
      LinkCommands.SeqlinkVerify.class
    })
public final class GroupSigCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** The command line with this command's exit codes, for {@link #main} and for tests. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new GroupSigCli());
    commandLine.setExecutionExceptionHandler(new ExitCodes());
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
