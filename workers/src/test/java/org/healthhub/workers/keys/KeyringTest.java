package org.healthhub.workers.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.healthhub.crypto.record.keystore.WrongPassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

  @TempDir Path dir;

  @Test
  void keysOf_secondKeyringSameFiles_samePublicKey() throws Exception {
    byte[] first = TestKeyrings.of(dir, "doctor1").wrappingPublicKey("doctor1");

    assertThat(TestKeyrings.of(dir, "doctor1").wrappingPublicKey("doctor1")).isEqualTo(first);
  }

  @Test
  void keysOf_wrongPassphrase_throwsWrongPassphrase() throws Exception {
    TestKeyrings.of(dir, "doctor1").wrappingPublicKey("doctor1");
    Keyring other = new Keyring(dir, Map.of("doctor1", "not the passphrase"), TestKeyrings.CHEAP);

    assertThatThrownBy(() -> other.keysOf("doctor1")).isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void keysOf_noPassphraseConfigured_throwsNamingTheSetting() {
    assertThatThrownBy(() -> TestKeyrings.of(dir).keysOf("doctor1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("healthhub.keystores.passphrases.doctor1");
  }

  @Test
  void writeSecret_readBack_roundTripsAndNoFileHoldsItInClear() throws Exception {
    Keyring keyring = TestKeyrings.of(dir, "doctor1");
    byte[] secret = "the member key of doctor1".getBytes(StandardCharsets.UTF_8);

    keyring.writeSecret("doctor1", "group.st-mary.member-key", secret);

    assertThat(TestKeyrings.of(dir, "doctor1").readSecret("doctor1", "group.st-mary.member-key")).contains(secret);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).allSatisfy(file ->
          assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("member key"));
    }
  }

  @Test
  void rotateWrappingKey_secretSealedBefore_stillReadsAfterReopening() throws Exception {
    Keyring keyring = TestKeyrings.of(dir, "doctor1");
    byte[] oldPublic = keyring.wrappingPublicKey("doctor1");
    keyring.writeSecret("doctor1", "group.st-mary.member-key", new byte[] {7, 7});

    keyring.rotateWrappingKey("doctor1");
    keyring.writeSecret("doctor1", "group.st-mary.gml", new byte[] {8});

    Keyring reopened = TestKeyrings.of(dir, "doctor1");
    assertThat(reopened.wrappingPublicKey("doctor1")).isNotEqualTo(oldPublic);
    assertThat(reopened.keysOf("doctor1").retiredWrapping()).singleElement()
        .satisfies(retired -> assertThat(retired.publicKey()).isEqualTo(oldPublic));
    assertThat(reopened.readSecret("doctor1", "group.st-mary.member-key")).contains(new byte[] {7, 7});
    assertThat(reopened.readSecret("doctor1", "group.st-mary.gml")).contains(new byte[] {8});
    assertThat(reopened.wrappingKeyFor("doctor1", oldPublic).publicKey()).isEqualTo(oldPublic);
  }

  @Test
  void rotateChainKey_newKeyCurrent_oldKeyRetired() throws Exception {
    Keyring keyring = TestKeyrings.of(dir, "patient1");
    byte[] oldChain = keyring.keysOf("patient1").chain().publicKey();

    keyring.rotateChainKey("patient1");

    var reopened = TestKeyrings.of(dir, "patient1").keysOf("patient1");
    assertThat(reopened.chain().publicKey()).isNotEqualTo(oldChain);
    assertThat(reopened.retiredChain()).singleElement()
        .satisfies(retired -> assertThat(retired.publicKey()).isEqualTo(oldChain));
    assertThat(reopened.wrapping().publicKey()).as("the X25519 pair is untouched")
        .isEqualTo(keyring.wrappingPublicKey("patient1"));
  }

  @Test
  void wrappingPublicKey_userNotHeld_readFromHeaderWithoutOpening() throws Exception {
    Keyring own = TestKeyrings.of(dir, "doctor1");
    byte[] published = own.wrappingPublicKey("doctor1");
    own.writeSecret("doctor1", "group.st-mary.member-key", new byte[] {1});
    Keyring other = TestKeyrings.of(dir, "patient1");

    assertThat(other.holds("doctor1")).isFalse();
    assertThat(other.wrappingPublicKey("doctor1")).isEqualTo(published);
    assertThatThrownBy(() -> other.readSecret("doctor1", "group.st-mary.member-key"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("healthhub.keystores.passphrases.doctor1");
  }

  @Test
  void wrappingPublicKey_noKeystoreAndNotHeld_throwsNamingTheUser() {
    assertThatThrownBy(() -> TestKeyrings.of(dir).wrappingPublicKey("doctor9"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'doctor9' has no keystore");
  }

  @Test
  void deleteSecret_written_readsEmptyAfter() throws Exception {
    Keyring keyring = TestKeyrings.of(dir, "doctor1");
    keyring.writeSecret("doctor1", "record.r1.fhir", new byte[] {1, 2});

    keyring.deleteSecret("doctor1", "record.r1.fhir");
    keyring.deleteSecret("doctor1", "record.r1.fhir");

    assertThat(keyring.readSecret("doctor1", "record.r1.fhir")).isEmpty();
  }

  @Test
  void readSecret_absent_isEmpty() throws Exception {
    assertThat(TestKeyrings.of(dir, "doctor1").readSecret("doctor1", "group.x.member-key")).isEmpty();
  }

  @Test
  void writeSecret_pathLikeName_throws() {
    assertThatThrownBy(() -> TestKeyrings.of(dir, "doctor1").writeSecret("doctor1", "../escape", new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
