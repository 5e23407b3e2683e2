package org.healthhub.workers.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.opening.DualControlKeys;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningShare;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.healthhub.crypto.record.keystore.WrongPassphraseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareKeystoreTest {
  private static final Argon2idParameters CHEAP = new Argon2idParameters(Argon2idParameters.MIN_MEMORY_KIB, 1, 1);
  private static final char[] PASSPHRASE = "correct horse".toCharArray();
  private static DualControlKeys keys;

  @TempDir Path dir;

  @BeforeAll
  static void split() throws Exception {
    keys = new Cpy06().setupDualControl(RandomScalars.secure()).keys();
  }

  @Test
  void read_afterWrite_returnsTheSameShare() throws Exception {
    Path file = written(keys.revocationManagerShare());

    OpeningShare read = ShareKeystore.read(file, PASSPHRASE, "cpy06", ManagerRole.REVOCATION_MANAGER);

    assertThat(read.toBase64()).isEqualTo(keys.revocationManagerShare().toBase64());
  }

  @Test
  void write_neverHoldsTheShareInClear() throws Exception {
    String share = keys.groupManagerShare().toBase64();
    String file = Files.readString(written(keys.groupManagerShare()), StandardCharsets.UTF_8);

    assertThat(file).doesNotContain(share).doesNotContain(share.substring(0, 24));
  }

  @Test
  void read_wrongPassphrase_throwsWrongPassphrase() throws Exception {
    Path file = written(keys.groupManagerShare());

    assertThatThrownBy(() -> ShareKeystore.read(file, "wrong".toCharArray(), "cpy06", ManagerRole.GROUP_MANAGER))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void read_otherManagersRole_throwsMalformed() throws Exception {
    Path file = written(keys.groupManagerShare());

    assertThatThrownBy(() -> ShareKeystore.read(file, PASSPHRASE, "cpy06", ManagerRole.REVOCATION_MANAGER))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("not the rm share");
  }

  @Test
  void read_roleRelabelledInTheFile_doesNotOpen() throws Exception {
    Path file = written(keys.groupManagerShare());
    Files.writeString(file, Files.readString(file).replace("\"role\" : \"gm\"", "\"role\" : \"rm\""));

    assertThatThrownBy(() -> ShareKeystore.read(file, PASSPHRASE, "cpy06", ManagerRole.REVOCATION_MANAGER))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void read_notAKeystore_throwsMalformed() throws Exception {
    Path file = Files.writeString(dir.resolve("share.json"), "{\"format\":\"something else\"}");

    assertThatThrownBy(() -> ShareKeystore.read(file, PASSPHRASE, "cpy06", ManagerRole.GROUP_MANAGER))
        .isInstanceOf(MalformedInputException.class);
  }

  private Path written(OpeningShare share) throws Exception {
    Path file = dir.resolve("share.json");
    ShareKeystore.write(file, share, PASSPHRASE, CHEAP);
    return file;
  }
}
