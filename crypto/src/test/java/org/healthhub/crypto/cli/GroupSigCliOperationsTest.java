package org.healthhub.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.healthhub.crypto.groupsig.Gml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every operation beyond setup, join, sign and verify, through the command. */
class GroupSigCliOperationsTest {
  @TempDir Path dir;

  private static Cli.Result sign(Cli cli, String scheme, String member, String message, String out, String... extra) {
    String[] base = {"sign", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@" + member + ".key",
        "--message", message, "--out", "@" + out};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.check(cli.run(args));
  }

  /** Sets up a dual-control group: manager.key holds the issuing key only. */
  private static void setUpDualControl(Cli cli, String scheme) throws Exception {
    Cli.check(cli.run("setup", "--scheme", scheme, "--dual-control", "--group-key", "@group.key",
        "--manager-key", "@manager.key", "--gml", "@gml", "--gm-share", "@gm.share", "--rm-share", "@rm.share",
        "--commitments", "@commitments"));
    cli.join(scheme, "alice");
    cli.join(scheme, "bob");
  }

  private static Cli.Result partial(Cli cli, String scheme, String share, String out) {
    return cli.run("open-partial", "--scheme", scheme, "--group-key", "@group.key", "--commitments", "@commitments",
        "--share", "@" + share, "--signature", "@sig", "--out", "@" + out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06"})
  void dualControlOpening_bothShares_nameSignerAndResultVerifies(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    setUpDualControl(cli, scheme);
    sign(cli, scheme, "bob", "m", "sig");
    Cli.check(partial(cli, scheme, "gm.share", "gm.partial"));
    Cli.check(partial(cli, scheme, "rm.share", "rm.partial"));
    Cli.Result combined = Cli.check(cli.run("open-combine", "--scheme", scheme, "--group-key", "@group.key",
        "--commitments", "@commitments", "--gml", "@gml", "--signature", "@sig",
        "--partial", "@rm.partial", "@gm.partial", "--out", "@result"));
    String bob = Gml.fromBase64(cli.read("gml")).memberIds().get(1);
    assertThat(combined.line()).isEqualTo(bob);
    Cli.Result verified = cli.run("open-verify", "--scheme", scheme, "--group-key", "@group.key",
        "--signature", "@sig", "--result", "@result", "--commitments", "@commitments");
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.line()).isEqualTo(bob);

    sign(cli, scheme, "alice", "m", "other");
    assertThat(cli.run("open-verify", "--scheme", scheme, "--group-key", "@group.key", "--signature", "@other",
        "--result", "@result", "--commitments", "@commitments").code()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06"})
  void dualControlOpening_twoPartialsOfOneManager_rejects(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    setUpDualControl(cli, scheme);
    sign(cli, scheme, "alice", "m", "sig");
    Cli.check(partial(cli, scheme, "gm.share", "gm.partial"));
    Cli.check(partial(cli, scheme, "gm.share", "gm2.partial"));
    Cli.Result result = cli.run("open-combine", "--scheme", scheme, "--group-key", "@group.key",
        "--commitments", "@commitments", "--gml", "@gml", "--signature", "@sig",
        "--partial", "@gm.partial", "@gm2.partial");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06"})
  void openPartial_shareOfAnotherGroup_rejects(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    setUpDualControl(cli, scheme);
    sign(cli, scheme, "alice", "m", "sig");
    Cli.check(cli.run("setup", "--scheme", scheme, "--dual-control", "--group-key", "@g2", "--manager-key", "@m2",
        "--gm-share", "@gm2.share", "--rm-share", "@rm2.share", "--commitments", "@c2"));
    Cli.Result result = partial(cli, scheme, "gm2.share", "p");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("rejected");
  }

  @Test
  void cpy06_revealTrace_tracesRevokedMemberOnly() throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin("cpy06", "alice");
    cli.join("cpy06", "bob");
    sign(cli, "cpy06", "alice", "m", "alice.sig");
    sign(cli, "cpy06", "bob", "m", "bob.sig");
    String alice = Gml.fromBase64(cli.read("gml")).memberIds().get(0);
    Cli.check(cli.run("reveal", "--scheme", "cpy06", "--member-id", alice, "--gml", "@gml", "--crl", "@crl"));
    Cli.Result traced = cli.run("trace", "--scheme", "cpy06", "--group-key", "@group.key", "--crl", "@crl",
        "--signature", "@alice.sig");
    assertThat(traced.code()).isZero();
    assertThat(traced.line()).isEqualTo("traced");
    Cli.Result notTraced = cli.run("trace", "--scheme", "cpy06", "--group-key", "@group.key", "--crl", "@crl",
        "--signature", "@bob.sig");
    assertThat(notTraced.code()).isEqualTo(1);
    assertThat(notTraced.line()).isEqualTo("not traced");
    assertThat(cli.run("reveal", "--scheme", "cpy06", "--member-id", "0".repeat(64), "--gml", "@gml",
        "--crl", "@crl").code()).isEqualTo(1);
  }

  @Test
  void cpy06_proveEqualityAndClaim_verifyForOwnSignaturesOnly() throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin("cpy06", "alice");
    cli.join("cpy06", "bob");
    sign(cli, "cpy06", "alice", "m1", "a1");
    sign(cli, "cpy06", "alice", "m2", "a2");
    sign(cli, "cpy06", "bob", "m3", "b1");
    Cli.check(cli.run("prove-equality", "--scheme", "cpy06", "--group-key", "@group.key", "--member-key",
        "@alice.key", "--signature", "@a1", "@a2", "--proof", "@eq"));
    assertThat(cli.run("prove-equality-verify", "--scheme", "cpy06", "--group-key", "@group.key",
        "--signature", "@a1", "@a2", "--proof", "@eq").line()).isEqualTo("valid");
    assertThat(cli.run("prove-equality-verify", "--scheme", "cpy06", "--group-key", "@group.key",
        "--signature", "@a1", "@b1", "--proof", "@eq").code()).isEqualTo(1);

    Cli.check(cli.run("claim", "--scheme", "cpy06", "--group-key", "@group.key", "--member-key", "@alice.key",
        "--signature", "@a1", "--proof", "@claim"));
    assertThat(cli.run("claim-verify", "--scheme", "cpy06", "--group-key", "@group.key", "--signature", "@a1",
        "--proof", "@claim").code()).isZero();
    assertThat(cli.run("claim-verify", "--scheme", "cpy06", "--group-key", "@group.key", "--signature", "@b1",
        "--proof", "@claim").code()).isEqualTo(1);
  }

  @Test
  void gl19_blindConvertUnblind_sameMemberSameNymWithinBatch() throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin("gl19", "alice");
    cli.join("gl19", "bob");
    sign(cli, "gl19", "alice", "m1", "a1");
    sign(cli, "gl19", "alice", "m2", "a2");
    sign(cli, "gl19", "bob", "m3", "b1");
    Cli.Result first = Cli.check(cli.run("blind", "--scheme", "gl19", "--group-key", "@group.key", "--message", "m1",
        "--signature", "@a1", "--new-blind-key", "@blind.key", "--out", "@a1.blinded"));
    cli.write("blind.pub", first.line());
    Cli.check(cli.run("blind", "--scheme", "gl19", "--group-key", "@group.key", "--message", "m2",
        "--signature", "@a2", "--blind-key", "@blind.key", "--out", "@a2.blinded"));
    Cli.check(cli.run("blind", "--scheme", "gl19", "--group-key", "@group.key", "--message", "m3",
        "--signature", "@b1", "--blind-key", "@blind.key", "--out", "@b1.blinded"));
    assertThat(cli.run("blind", "--scheme", "gl19", "--group-key", "@group.key", "--message", "not m1",
        "--signature", "@a1", "--blind-key", "@blind.key", "--out", "@x").code()).isEqualTo(1);
    Cli.check(cli.run("convert", "--scheme", "gl19", "--group-key", "@group.key", "--manager-key", "@manager.key",
        "--blind-public", "@blind.pub", "--blinded", "@a1.blinded", "@a2.blinded", "@b1.blinded",
        "--out", "@c0", "@c1", "@c2"));
    java.util.List<String> nyms = new java.util.ArrayList<>();
    for (String converted : new String[] {"c0", "c1", "c2"}) {
      nyms.add(Cli.check(cli.run("unblind", "--scheme", "gl19", "--blind-key", "@blind.key",
          "--converted", "@" + converted)).line());
    }
    assertThat(new java.util.HashSet<>(nyms)).hasSize(2);
    assertThat(nyms.stream().filter(n -> java.util.Collections.frequency(nyms, n) == 2).count()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dl21", "dl21seq"})
  void identifyAndLink_ownSignaturesInScope(String scheme) throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin(scheme, "alice");
    cli.join(scheme, "bob");
    sign(cli, scheme, "alice", "m1", "a1", "--scope", "clinic");
    sign(cli, scheme, "alice", "m2", "a2", "--scope", "clinic");
    sign(cli, scheme, "bob", "m3", "b1", "--scope", "clinic");
    assertThat(cli.run("verify", "--scheme", scheme, "--group-key", "@group.key", "--message", "m1",
        "--signature", "@a1", "--scope", "clinic").code()).isZero();
    assertThat(cli.run("verify", "--scheme", scheme, "--group-key", "@group.key", "--message", "m1",
        "--signature", "@a1").code()).isEqualTo(1);
    Cli.Result identified = cli.run("identify", "--scheme", scheme, "--member-key", "@alice.key",
        "--signature", "@a1", "--scope", "clinic");
    assertThat(identified.code()).isZero();
    assertThat(identified.line()).isEqualTo("identified");
    Cli.Result notIdentified = cli.run("identify", "--scheme", scheme, "--member-key", "@bob.key",
        "--signature", "@a1", "--scope", "clinic");
    assertThat(notIdentified.code()).isEqualTo(1);
    assertThat(notIdentified.line()).isEqualTo("not identified");

    Cli.check(cli.run("link", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@alice.key",
        "--link-message", "audit 7", "--message", "m1", "m2", "--signature", "@a1", "@a2", "--scope", "clinic",
        "--proof", "@link"));
    assertThat(cli.run("link-verify", "--scheme", scheme, "--group-key", "@group.key", "--link-message", "audit 7",
        "--message", "m1", "m2", "--signature", "@a1", "@a2", "--scope", "clinic", "--proof", "@link").line())
        .isEqualTo("valid");
    assertThat(cli.run("link-verify", "--scheme", scheme, "--group-key", "@group.key", "--link-message", "audit 8",
        "--message", "m1", "m2", "--signature", "@a1", "@a2", "--scope", "clinic", "--proof", "@link").code())
        .isEqualTo(1);
    assertThat(cli.run("link", "--scheme", scheme, "--group-key", "@group.key", "--member-key", "@alice.key",
        "--link-message", "audit 7", "--message", "m1", "m3", "--signature", "@a1", "@b1", "--scope", "clinic")
        .code()).isEqualTo(1);
  }

  @Test
  void dl21seq_seqlink_consecutiveStatesVerifyAndSwappedOrderRejects() throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin("dl21seq", "alice");
    sign(cli, "dl21seq", "alice", "m0", "s0", "--state", "0");
    sign(cli, "dl21seq", "alice", "m1", "s1", "--state", "1");
    Cli.check(cli.run("seqlink", "--scheme", "dl21seq", "--group-key", "@group.key", "--member-key", "@alice.key",
        "--link-message", "seq", "--message", "m0", "m1", "--signature", "@s0", "@s1", "--proof", "@seq"));
    assertThat(cli.run("seqlink-verify", "--scheme", "dl21seq", "--group-key", "@group.key", "--link-message", "seq",
        "--message", "m0", "m1", "--signature", "@s0", "@s1", "--proof", "@seq").line()).isEqualTo("valid");
    Cli.check(cli.run("seqlink", "--scheme", "dl21seq", "--group-key", "@group.key", "--member-key", "@alice.key",
        "--link-message", "seq", "--message", "m1", "m0", "--signature", "@s1", "@s0", "--proof", "@swapped"));
    assertThat(cli.run("seqlink-verify", "--scheme", "dl21seq", "--group-key", "@group.key", "--link-message", "seq",
        "--message", "m1", "m0", "--signature", "@s1", "@s0", "--proof", "@swapped").code()).isEqualTo(1);
  }

  @Test
  void state_onNonSequentialScheme_isUsageError() throws Exception {
    Cli cli = new Cli(dir);
    cli.setUpAndJoin("dl21", "alice");
    Cli.Result result = cli.run("sign", "--scheme", "dl21", "--group-key", "@group.key", "--member-key",
        "@alice.key", "--message", "m", "--state", "1");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--state applies to dl21seq only");
  }
}
