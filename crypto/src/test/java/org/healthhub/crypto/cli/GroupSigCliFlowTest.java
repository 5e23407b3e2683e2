package org.healthhub.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.healthhub.crypto.groupsig.Gml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** setup, join, sign, verify, open with fresh keys through the command, every scheme. */
class GroupSigCliFlowTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void signVerify_afterFileJoin_valid(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin(scheme, "alice");
    Cli.check(cli.run("sign", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@alice.key",
        "--message", "record 42 ✓", "--out", "@sig"));
    Cli.Result valid = cli.run("verify", "--scheme", scheme, "--group-key", "@group.key", "--message", "record 42 ✓",
        "--signature", "@sig");
    assertThat(valid.code()).as(valid.err()).isZero();
    assertThat(valid.line()).isEqualTo("valid");
    assertThat(valid.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "gl19", "ps16", "klap20", "dl21", "dl21seq"})
  void verify_wrongMessageOrGroupOrTampered_rejects(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin(scheme, "alice");
    Cli.check(cli.run("sign", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@alice.key",
        "--message", "m", "--out", "@sig"));
    assertThat(cli.run("verify", "--scheme", scheme, "--group-key", "@group.key", "--message", "m2",
        "--signature", "@sig").code()).isEqualTo(1);

    Cli.check(cli.run("setup", "--scheme", scheme, "--group-key", "@other.key", "--manager-key", "@other.mk"));
    assertThat(cli.run("verify", "--scheme", scheme, "--group-key", "@other.key", "--message", "m",
        "--signature", "@sig").code()).isEqualTo(1);

    String signature = cli.read("sig");
    char flipped = signature.charAt(40) == 'A' ? 'B' : 'A';
    cli.write("tampered", signature.substring(0, 40) + flipped + signature.substring(41));
    assertThat(cli.run("verify", "--scheme", scheme, "--group-key", "@group.key", "--message", "m",
        "--signature", "@tampered").code()).isIn(1, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06", "ps16", "klap20"})
  void open_signature_namesTheJoinedMember(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin(scheme, "alice");
    cli.join(scheme, "bob");
    Cli.check(cli.run("sign", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@bob.key",
        "--message", "m", "--out", "@sig"));
    Cli.Result opened = Cli.check(cli.run("open", "--scheme", scheme, "--group-key", "@group.key",
        "--manager-key", "@manager.key", "--gml", "@gml", "--signature", "@sig", "--proof", "@proof"));
    String bob = Gml.fromBase64(cli.read("gml")).memberIds().get(1);
    assertThat(opened.line()).isEqualTo(bob);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ps16", "klap20"})
  void openVerify_proofOfOpen_validAndOtherSignatureRejects(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin(scheme, "alice");
    Cli.check(cli.run("sign", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@alice.key",
        "--message", "m", "--out", "@sig"));
    Cli.check(cli.run("sign", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@alice.key",
        "--message", "m", "--out", "@sig2"));
    Cli.check(cli.run("open", "--scheme", scheme, "--group-key", "@group.key", "--manager-key", "@manager.key",
        "--gml", "@gml", "--signature", "@sig", "--proof", "@proof"));
    assertThat(cli.run("open-verify", "--scheme", scheme, "--group-key", "@group.key", "--signature", "@sig",
        "--proof", "@proof").line()).isEqualTo("valid");
    assertThat(cli.run("open-verify", "--scheme", scheme, "--group-key", "@group.key", "--signature", "@sig2",
        "--proof", "@proof").code()).isEqualTo(1);
  }

  @Test
  void setup_secretFiles_areOwnerOnly() throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin("bbs04", "alice");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.file("manager.key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.file("alice.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void joinMember_laterStepWithoutPartialKey_exits2() throws Exception {
    Cli cli = new Cli(dir);
    Cli.check(cli.run("setup", "--scheme", "cpy06", "--group-key", "@group.key", "--manager-key", "@manager.key",
        "--gml", "@gml"));
    Cli.check(cli.run("join", "manager", "--scheme", "cpy06", "--step", "0", "--group-key", "@group.key",
        "--manager-key", "@manager.key", "--gml", "@gml", "--out", "@m0.json"));
    Cli.Result result = cli.run("join", "member", "--scheme", "cpy06", "--step", "1", "--group-key", "@group.key",
        "--in", "@m0.json", "--out", "@r.json", "--partial-key", "@none", "--member-key", "@k");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no such file");
  }

  @Test
  void joinManager_stepZeroWithInput_isUsageError() throws Exception {
    Cli cli = new Cli(dir);
    Cli.check(cli.run("setup", "--scheme", "bbs04", "--group-key", "@group.key", "--manager-key", "@manager.key",
        "--gml", "@gml"));
    cli.write("in.json", "{}");
    Cli.Result result = cli.run("join", "manager", "--scheme", "bbs04", "--step", "0", "--group-key", "@group.key",
        "--manager-key", "@manager.key", "--gml", "@gml", "--in", "@in.json", "--out", "@m0.json");
    assertThat(result.code()).isEqualTo(2);
  }

  @Test
  void unknownScheme_orOperationNotOffered_isUsageError() throws Exception {
    Cli cli = new Cli(dir);
    Cli.Result unknown = cli.run("setup", "--scheme", "nope", "--group-key", "@g", "--manager-key", "@m");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown scheme 'nope'");
    cli.setUpAndJoin("bbs04", "alice");
    Cli.Result trace = cli.run("trace", "--scheme", "bbs04", "--group-key", "@group.key", "--crl", "@gml",
        "--signature", "@gml");
    assertThat(trace.code()).isEqualTo(2);
    assertThat(trace.err()).contains("bbs04 offers no trace");
    assertThat(cli.run().code()).isEqualTo(2);
  }

  @Test
  void help_subcommand_printsItsOptions() {
    Cli.Result result = new Cli(dir).run("help", "verify");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("--signature", "--group-key", "Exit 0");
  }
}
