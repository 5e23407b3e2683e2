package org.healthhub.crypto.record.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreFileTest {
  private static final Argon2idParameters CHEAP = new Argon2idParameters(Argon2idParameters.MIN_MEMORY_KIB, 1, 1);
  private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
  @TempDir Path dir;
  private final UserKeys keys = UserKeys.generate();

  @Test
  void read_ofWrite_returnsSameKeys() throws Exception {
    Path file = dir.resolve("alice.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);

    UserKeys read = KeystoreFile.read(file, "alice", PASSPHRASE);

    assertThat(read.wrapping().privateKey().equalsSecret(keys.wrapping().privateKey())).isTrue();
    assertThat(read.chain().privateKey().equalsSecret(keys.chain().privateKey())).isTrue();
    assertThat(read.chain().publicKey()).isEqualTo(keys.chain().publicKey());
  }

  @Test
  void read_ofRotatedKeys_keepsRetiredPairsNewestFirst() throws Exception {
    Path file = dir.resolve("alice.keystore");
    UserKeys rotated = keys.rotateWrapping().rotateChain().rotateWrapping();
    KeystoreFile.write(file, "alice", rotated, PASSPHRASE, CHEAP);

    UserKeys read = KeystoreFile.read(file, "alice", PASSPHRASE);

    assertThat(read.wrapping().publicKey()).isEqualTo(rotated.wrapping().publicKey());
    assertThat(read.retiredWrapping()).hasSize(2);
    assertThat(read.retiredWrapping().get(1).privateKey().equalsSecret(keys.wrapping().privateKey())).isTrue();
    assertThat(read.retiredChain()).singleElement()
        .satisfies(old -> assertThat(old.privateKey().equalsSecret(keys.chain().privateKey())).isTrue());
    assertThat(read.wrappingFor(keys.wrapping().publicKey())).isPresent();
    assertThat(KeystoreFile.currentWrappingPublicKey(file, "alice")).isEqualTo(rotated.wrapping().publicKey());
  }

  @Test
  void read_retiredPublicKeyDropped_throwsMalformedOrAltered() throws Exception {
    Path file = dir.resolve("alice.keystore");
    UserKeys rotated = keys.rotateWrapping();
    KeystoreFile.write(file, "alice", rotated, PASSPHRASE, CHEAP);
    Files.writeString(file, Files.readString(file).replace("\"" + HexFormat.of().formatHex(keys.wrapping().publicKey()) + "\"", ""));

    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", PASSPHRASE)).isInstanceOf(java.security.GeneralSecurityException.class);
  }

  @Test
  void read_wrongPassphrase_throwsClearError() throws Exception {
    Path file = dir.resolve("alice.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);

    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", "wrong".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("wrong passphrase");
  }

  @Test
  void write_fileHoldsNoPrivateKeyInAnyEncoding() throws Exception {
    Path file = dir.resolve("alice.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);
    byte[] content = Files.readAllBytes(file);
    String text = new String(content, StandardCharsets.UTF_8);

    for (SecretBytes secret : List.of(keys.wrapping().privateKey(), keys.chain().privateKey())) {
      byte[] raw = secret.copySecret();
      assertThat(text).doesNotContain(HexFormat.of().formatHex(raw)).doesNotContain(Base64.getEncoder().encodeToString(raw));
      assertThat(indexOf(content, raw)).isEqualTo(-1);
    }
    assertThat(text).doesNotContain(new String(PASSPHRASE));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void read_alteredPublicKey_throwsWrongPassphraseOrAltered() throws Exception {
    Path file = dir.resolve("alice.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);
    String other = HexFormat.of().formatHex(Secp256k1KeyPair.generate().publicKey());
    Files.writeString(file, Files.readString(file).replace(HexFormat.of().formatHex(keys.chain().publicKey()), other));

    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void read_hostileKdfCost_throwsMalformedBeforeDeriving() throws Exception {
    Path file = dir.resolve("alice.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);
    Files.writeString(file, Files.readString(file).replace("\"memoryKiB\" : 8192", "\"memoryKiB\" : 99999999"));

    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", PASSPHRASE))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("memory");
  }

  @Test
  void read_notAKeystore_throwsMalformed() throws Exception {
    Path file = dir.resolve("x.keystore");
    Files.writeString(file, "{\"format\":\"something-else\"}");

    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", PASSPHRASE)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void read_keystoreOfAnotherPartySamePassphrase_throwsWrongParty() throws Exception {
    Path alice = dir.resolve("alice.keystore");
    KeystoreFile.write(alice, "alice", keys, PASSPHRASE, CHEAP);
    Path bob = Files.copy(alice, dir.resolve("bob.keystore"));

    assertThatThrownBy(() -> KeystoreFile.read(bob, "bob", PASSPHRASE))
        .isInstanceOf(WrongKeystorePartyException.class)
        .hasMessageContaining("belongs to 'alice'");
    assertThatThrownBy(() -> KeystoreFile.currentWrappingPublicKey(bob, "bob")).isInstanceOf(WrongKeystorePartyException.class);
  }

  @Test
  void read_partyInHeaderRenamed_throwsWrongPassphraseOrAltered() throws Exception {
    Path file = dir.resolve("bob.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);
    Files.writeString(file, Files.readString(file).replace("\"party\" : \"alice\"", "\"party\" : \"bob\""));

    assertThatThrownBy(() -> KeystoreFile.read(file, "bob", PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void read_headerDowngradedToUnboundVersion_throwsWrongPassphraseOrAltered() throws Exception {
    Path file = dir.resolve("bob.keystore");
    KeystoreFile.write(file, "alice", keys, PASSPHRASE, CHEAP);
    Files.writeString(file, Files.readString(file).replace("\"party\" : \"alice\",", "")
        .replace(KeystoreFile.FORMAT, "healthhub-keystore/v2"));

    assertThatThrownBy(() -> KeystoreFile.read(file, "bob", PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void read_version2File_opensAndIsRewrittenBoundToItsOwner() throws Exception {
    Path file = dir.resolve("alice.keystore");
    LegacyKeystore.writeVersion2(file, keys, PASSPHRASE, CHEAP);

    UserKeys read = KeystoreFile.read(file, "alice", PASSPHRASE);

    assertThat(read.chain().privateKey().equalsSecret(keys.chain().privateKey())).isTrue();
    assertThat(Files.readString(file)).contains(KeystoreFile.FORMAT).contains("\"party\" : \"alice\"");
    assertThat(KeystoreFile.read(file, "alice", PASSPHRASE).wrapping().publicKey()).isEqualTo(keys.wrapping().publicKey());
    assertThatThrownBy(() -> KeystoreFile.read(file, "bob", PASSPHRASE)).isInstanceOf(WrongKeystorePartyException.class);
  }

  @Test
  void read_version2FileAlteredHeader_throwsWrongPassphraseOrAltered() throws Exception {
    Path file = dir.resolve("alice.keystore");
    LegacyKeystore.writeVersion2(file, keys, PASSPHRASE, CHEAP);
    String other = HexFormat.of().formatHex(org.healthhub.crypto.record.hpke.X25519KeyPair.generate().publicKey());
    Files.writeString(file, Files.readString(file).replace(HexFormat.of().formatHex(keys.wrapping().publicKey()), other));

    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
    assertThat(Files.readString(file)).as("not migrated").contains("healthhub-keystore/v2");
  }

  @Test
  void currentWrappingPublicKey_ofPublicKeysFile_readsOnlyForItsParty() throws Exception {
    Path file = dir.resolve("alice.public.json");
    KeystoreFile.writePublicKeys(file, "alice", keys);

    assertThat(KeystoreFile.currentWrappingPublicKey(file, "alice")).isEqualTo(keys.wrapping().publicKey());
    assertThatThrownBy(() -> KeystoreFile.currentWrappingPublicKey(file, "bob")).isInstanceOf(WrongKeystorePartyException.class);
    assertThatThrownBy(() -> KeystoreFile.read(file, "alice", PASSPHRASE)).as("holds no private part")
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void fromPrivateKey_scalarOutOfRange_throwsMalformed() {
    assertThatThrownBy(() -> Secp256k1KeyPair.fromPrivateKey(SecretBytes.copyOf(new byte[32])))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void toString_keys_hidesPrivateParts() {
    String chainHex = HexFormat.of().formatHex(keys.chain().privateKey().copySecret());

    assertThat(keys.toString()).doesNotContain(chainHex).contains("redacted");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
