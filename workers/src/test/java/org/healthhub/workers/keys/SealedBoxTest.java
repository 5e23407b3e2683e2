package org.healthhub.workers.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.junit.jupiter.api.Test;

class SealedBoxTest {

  private final X25519KeyPair recipient = X25519KeyPair.generate();
  private final byte[] secret = "member key of doctor1".getBytes(StandardCharsets.UTF_8);

  @Test
  void open_sameKeyAndContext_returnsPlaintext() throws Exception {
    byte[] sealed = SealedBox.seal(secret, recipient.publicKey(), "ctx");

    assertThat(SealedBox.open(sealed, recipient, "ctx")).isEqualTo(secret);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("member key");
  }

  @Test
  void open_otherContext_throwsDecryptionFailed() throws Exception {
    byte[] sealed = SealedBox.seal(secret, recipient.publicKey(), "join step 1");

    assertThatThrownBy(() -> SealedBox.open(sealed, recipient, "join step 3")).isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void open_otherRecipient_throwsDecryptionFailed() throws Exception {
    byte[] sealed = SealedBox.seal(secret, recipient.publicKey(), "ctx");

    assertThatThrownBy(() -> SealedBox.open(sealed, X25519KeyPair.generate(), "ctx"))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void open_flippedCiphertextBit_throwsDecryptionFailed() throws Exception {
    byte[] sealed = SealedBox.seal(secret, recipient.publicKey(), "ctx");
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> SealedBox.open(sealed, recipient, "ctx")).isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void open_truncatedToHeader_throwsMalformed() {
    assertThatThrownBy(() -> SealedBox.open(new byte[] {1, 2, 3}, recipient, "ctx"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("3 bytes");
  }
}
