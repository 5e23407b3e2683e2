package org.healthhub.crypto.cli;

import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.SequentialLinking;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dl21's and dl21seq's {@code --scope}, and dl21seq's {@code --state}. */
final class Scoping {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--scope", description = "dl21, dl21seq: the scope (default: \"def\", as pygroupsig)")
  String scope;

  String scopeFor(GroupSignatureScheme scheme) {
    if (scope != null && !(scheme instanceof Linking)) {
      throw new ParameterException(spec.commandLine(), "--scope applies to dl21 and dl21seq only");
    }
    return scope == null ? Linking.DEFAULT_SCOPE : scope;
  }

  static void requireSequential(CommandSpec spec, GroupSignatureScheme scheme) {
    if (!(scheme instanceof SequentialLinking)) {
      throw new ParameterException(spec.commandLine(), "--state applies to dl21seq only");
    }
  }
}
