package org.healthhub.crypto.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code groupsig} in-process in a working folder, as a shell would, and keeps what it printed. */
final class Cli {
  private final Path dir;

  Cli(Path dir) {
    this.dir = dir;
  }

  record Result(int code, String out, String err) {
    String line() {
      return out.strip();
    }
  }

  /** Runs the command; every argument ending in {@code @} names a file in the working folder. */
  Result run(String... args) {
    List<String> resolved = new ArrayList<>();
    for (String arg : args) {
      resolved.add(arg.startsWith("@") ? dir.resolve(arg.substring(1)).toString() : arg);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = GroupSigCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(resolved.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  String read(String name) throws IOException {
    return Files.readString(dir.resolve(name)).strip();
  }

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  /**
   * Sets up a group of {@code scheme} and joins one member ({@code member.key}) through message
   * files, one step per call on each side, as two machines would.
   */
  void setUpAndJoin(String scheme, String member) throws IOException {
    check(run("setup", "--scheme", scheme, "--group-key", "@group.key", "--manager-key", "@manager.key", "--gml", "@gml"));
    join(scheme, member);
  }

  /** Joins one more member to the group of this folder. */
  void join(String scheme, String member) throws IOException {
    for (int step = 0; step < 8; step++) {
      List<String> manager = new ArrayList<>(List.of(
          "join", "manager", "--scheme", scheme, "--step", String.valueOf(step), "--group-key", "@group.key",
          "--manager-key", "@manager.key", "--gml", "@gml", "--out", "@" + member + ".m" + step + ".json"));
      if (step > 0) {
        manager.addAll(List.of("--in", "@" + member + ".r" + (step - 1) + ".json"));
      }
      check(run(manager.toArray(String[]::new)));
      Result answer = run(
          "join", "member", "--scheme", scheme, "--step", String.valueOf(step), "--group-key", "@group.key",
          "--in", "@" + member + ".m" + step + ".json", "--out", "@" + member + ".r" + step + ".json",
          "--partial-key", "@" + member + ".partial", "--member-key", "@" + member + ".key");
      check(answer);
      if (answer.line().equals("complete")) {
        return;
      }
    }
    throw new AssertionError("join did not complete in 8 steps");
  }

  static Result check(Result result) {
    if (result.code() != 0) {
      throw new AssertionError("exit " + result.code() + ": " + result.err());
    }
    return result;
  }
}
