package org.healthhub.crypto.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.GroupSignatureSchemes;
import org.healthhub.crypto.groupsig.gl19.Gl19;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --scheme} option every command takes, and gl19's clock. */
final class SchemeOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--scheme",
      required = true,
      description = "bbs04, cpy06, gl19, ps16, klap20, dl21 or dl21seq")
  String name;

  @Option(
      names = "--now",
      description =
          "gl19: the instant credential lifetimes are checked at, in epoch seconds"
              + " (default: the system clock)")
  Long nowEpochSeconds;

  GroupSignatureScheme scheme() {
    GroupSignatureScheme scheme;
    try {
      scheme = GroupSignatureSchemes.byName(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (nowEpochSeconds != null) {
      if (!(scheme instanceof Gl19)) {
        throw new ParameterException(spec.commandLine(), "--now applies to gl19 only");
      }
      return new Gl19(Clock.fixed(Instant.ofEpochSecond(nowEpochSeconds), ZoneOffset.UTC));
    }
    return scheme;
  }

  /** The scheme as the type that offers {@code operation}; a usage error for other schemes. */
  <T> T offering(Class<T> type, String operation) {
    GroupSignatureScheme scheme = scheme();
    if (!type.isInstance(scheme)) {
      throw new ParameterException(
          spec.commandLine(), "scheme " + name + " offers no " + operation);
    }
    return type.cast(scheme);
  }
}
