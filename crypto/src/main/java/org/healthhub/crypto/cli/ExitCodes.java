package org.healthhub.crypto.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns what a command throws into a message on stderr and the documented exit code. */
final class ExitCodes implements IExecutionExceptionHandler {
  static final int OK = 0;
  static final int REJECTED = 1;
  static final int MALFORMED = 2;
  static final int INTERNAL = 3;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    String command = commandLine.getCommandName();
    if (e instanceof MalformedInputException) {
      return report(commandLine, MALFORMED, command + ": malformed input: " + e.getMessage());
    }
    if (e instanceof InvalidSignatureException) {
      return report(commandLine, REJECTED, command + ": invalid: " + e.getMessage());
    }
    if (e instanceof GeneralSecurityException) {
      return report(commandLine, REJECTED, command + ": rejected: " + e.getMessage());
    }
    if (e instanceof NoSuchFileException missing) {
      return report(commandLine, MALFORMED, command + ": no such file: " + missing.getFile());
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return report(commandLine, MALFORMED, command + ": cannot read or write: " + e.getMessage());
    }
    if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
      return report(commandLine, MALFORMED, command + ": " + e.getMessage());
    }
    return report(commandLine, INTERNAL, command + ": internal error: " + e);
  }

  private static int report(CommandLine commandLine, int code, String message) {
    commandLine.getErr().println(message);
    return code;
  }
}
