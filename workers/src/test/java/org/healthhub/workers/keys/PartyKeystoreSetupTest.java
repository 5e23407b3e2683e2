package org.healthhub.workers.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.record.keystore.UserKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartyKeystoreSetupTest {

  private static final List<String> PARTIES = PartyKeystoreSetup.DEFAULT_PARTIES;

  @TempDir Path dir;

  @Test
  void create_eachPartyOpensOnlyItsOwnKeystoreWithItsPassphraseFile() throws Exception {
    PartyKeystoreSetup.create(dir.resolve("keystores"), dir.resolve("secrets"), PARTIES, TestKeyrings.CHEAP);

    for (String party : PARTIES) {
      Keyring keyring = KeyringSettings.open(settings(party), dir);
      assertThat(keyring.keysOf(party)).isNotNull();
      try (var files = Files.list(dir.resolve("keystores").resolve(party))) {
        assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".keystore.json")))
            .as("no other party's keystore beside its own").containsExactly(party + ".keystore.json");
      }
      for (String other : PARTIES) {
        if (!other.equals(party)) {
          assertThat(keyring.holds(other)).isFalse();
          assertThat(keyring.wrappingPublicKey(other)).as("it can seal to %s", other)
              .isEqualTo(KeyringSettings.open(settings(other), dir).keysOf(other).wrapping().publicKey());
        }
      }
    }
  }

  @Test
  void create_secretsAreOwnerOnly() throws Exception {
    PartyKeystoreSetup.create(dir.resolve("keystores"), dir.resolve("secrets"), PARTIES, TestKeyrings.CHEAP);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets")))).isEqualTo("rwx------");
    for (String party : PARTIES) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets/" + party + ".passphrase"))))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
          PartyKeystoreSetup.keystoreOf(dir.resolve("keystores"), party)))).isEqualTo("rw-------");
    }
  }

  @Test
  void print_showsAddressesAndPublicKeysNeverASecret() throws Exception {
    List<PartyKeystoreSetup.Created> created =
        PartyKeystoreSetup.create(dir.resolve("keystores"), dir.resolve("secrets"), PARTIES, TestKeyrings.CHEAP);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    PartyKeystoreSetup.print(created, new PrintStream(printed, true, StandardCharsets.UTF_8));

    String output = printed.toString(StandardCharsets.UTF_8);
    for (PartyKeystoreSetup.Created party : created) {
      assertThat(output).contains(party.chainAddress()).contains(HexFormat.of().formatHex(party.wrappingPublicKey()));
      assertThat(output).doesNotContain(Files.readString(party.passphraseFile()));
      UserKeys keys = KeyringSettings.open(settings(party.party()), dir).keysOf(party.party());
      assertThat(output).doesNotContain(HexFormat.of().formatHex(keys.chain().privateKey().copySecret()))
          .doesNotContain(HexFormat.of().formatHex(keys.wrapping().privateKey().copySecret()));
    }
  }

  @Test
  void create_again_refusesToOverwriteAnything() throws Exception {
    PartyKeystoreSetup.create(dir.resolve("keystores"), dir.resolve("secrets"), PARTIES, TestKeyrings.CHEAP);
    Map<Path, String> before = contents();

    assertThatThrownBy(() -> PartyKeystoreSetup.create(dir.resolve("keystores"), dir.resolve("secrets"), PARTIES,
        TestKeyrings.CHEAP)).isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("never overwritten");
    assertThat(contents()).isEqualTo(before);
  }

  @Test
  void create_repeatedParty_refused() {
    assertThatThrownBy(() -> PartyKeystoreSetup.create(dir.resolve("keystores"), dir.resolve("secrets"),
        List.of("hospital", "hospital"), TestKeyrings.CHEAP)).isInstanceOf(IllegalArgumentException.class);
  }

  private KeystoreProperties settings(String party) {
    return new KeystoreProperties(Map.of(), TestKeyrings.CHEAP.memoryKiB(), TestKeyrings.CHEAP.iterations(),
        dir.resolve("keystores").resolve(party), party, dir.resolve("secrets").resolve(party + ".passphrase"));
  }

  private Map<Path, String> contents() throws Exception {
    Map<Path, String> contents = new HashMap<>();
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(file, Files.readString(file));
      }
    }
    return contents;
  }
}
