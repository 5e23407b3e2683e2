package org.healthhub.crypto.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.LinkStatement;
import org.healthhub.crypto.groupsig.Linking;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SequentialLinking;
import org.healthhub.crypto.mcl.RandomScalars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dl21's and dl21seq's scoped pseudonyms: identify, link and (dl21seq) sequential link. */
final class LinkCommands {
  private LinkCommands() {}

  @Command(
      name = "identify",
      description =
          "dl21, dl21seq: whether the member key made the signature in the scope: exit 0 and"
              + " 'identified', or exit 1 and 'not identified'.")
  static final class Identify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;
    @Mixin Scoping scoping;

    @Option(names = "--member-key", required = true) Path memberKey;

    @Option(names = "--signature", required = true) Path signature;

    @Override
    public Integer call() throws Exception {
      Linking linking = scheme.offering(Linking.class, "identify");
      GroupSignatureScheme chosen = scheme.scheme();
      boolean identified =
          linking.identify(
              chosen.importSignature(Io.read(signature)),
              chosen.importMemberKey(Io.read(memberKey)),
              scoping.scopeFor(chosen));
      spec.commandLine().getOut().println(identified ? "identified" : "not identified");
      return identified ? ExitCodes.OK : ExitCodes.REJECTED;
    }
  }

  /** The signed messages and their signatures, pairwise, and the link's own message. */
  abstract static class LinkCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SchemeOption scheme;
    @Mixin Scoping scoping;

    @Option(names = "--group-key", required = true) Path groupKey;

    @Option(names = "--link-message", required = true, description = "the message the link proof binds")
    String linkMessage;

    @Option(names = "--message", required = true, arity = "1..*", description = "each signed message, in order")
    List<String> messages;

    @Option(names = "--signature", required = true, arity = "1..*", description = "each signature, in order")
    List<Path> signatureFiles;

    <T extends Linking> T linking(Class<T> type) {
      if (messages.size() != signatureFiles.size()) {
        throw new ParameterException(spec.commandLine(), "give one --message per --signature");
      }
      return scheme.offering(type, spec.name());
    }

    GroupKey group() throws Exception {
      return scheme.scheme().importGroupKey(Io.read(groupKey));
    }

    List<GroupSignature> signatures() throws Exception {
      List<GroupSignature> signatures = new ArrayList<>();
      for (String text : Io.readAll(signatureFiles)) {
        signatures.add(scheme.scheme().importSignature(text));
      }
      return signatures;
    }

    LinkStatement statement() throws Exception {
      return new LinkStatement(linkMessage, messages, signatures(), scoping.scopeFor(scheme.scheme()));
    }
  }

  /** A member's link: the member key in, the proof out. */
  abstract static class Prove extends LinkCommand {
    @Option(names = "--member-key", required = true) Path memberKey;

    @Option(names = "--proof", description = "proof file to write (default: stdout)") Path proof;

    MemberKey member() throws Exception {
      return scheme.scheme().importMemberKey(Io.read(memberKey));
    }
  }

  /** A public check of a link proof. */
  abstract static class Check extends LinkCommand {
    @Option(names = "--proof", required = true) Path proof;
  }

  @Command(name = "link", description = "dl21, dl21seq: proves that one member made all the signatures.")
  static final class Link extends Prove {
    @Override
    public Integer call() throws Exception {
      Linking linking = linking(Linking.class);
      String made =
          linking.link(statement(), member(), group(), RandomScalars.secure());
      Io.writeOrPrint(proof, made, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(name = "link-verify", description = "dl21, dl21seq: checks a link proof (exit 1 if it fails).")
  static final class LinkVerify extends Check {
    @Override
    public Integer call() throws Exception {
      Linking linking = linking(Linking.class);
      linking.verifyLink(statement(), Io.read(proof), group());
      spec.commandLine().getOut().println("valid");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "seqlink",
      description = "dl21seq: proves that one member made the signatures at consecutive states, in order.")
  static final class Seqlink extends Prove {
    @Override
    public Integer call() throws Exception {
      SequentialLinking linking = linking(SequentialLinking.class);
      String made =
          linking.seqlink(statement(), member(), group(), RandomScalars.secure());
      Io.writeOrPrint(proof, made, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  @Command(name = "seqlink-verify", description = "dl21seq: checks a sequential link (exit 1 if it fails).")
  static final class SeqlinkVerify extends Check {
    @Override
    public Integer call() throws Exception {
      SequentialLinking linking = linking(SequentialLinking.class);
      linking.verifySeqlink(statement(), Io.read(proof), group());
      spec.commandLine().getOut().println("valid");
      return ExitCodes.OK;
    }
  }
}
