package org.healthhub.workers.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.junit.jupiter.api.Test;

class ManagersBoxTest {
  private static final byte[] SECRET = "who signed".getBytes(StandardCharsets.UTF_8);
  private final X25519KeyPair gm = X25519KeyPair.generate();
  private final X25519KeyPair rm = X25519KeyPair.generate();
  private final ManagerKeys managers = new ManagerKeys(gm.publicKey(), rm.publicKey());

  @Test
  void open_eachManager_readsTheBytes() throws Exception {
    byte[] sealed = ManagersBox.seal(SECRET, managers, "report/1");

    assertThat(ManagersBox.open(sealed, ManagerRole.GROUP_MANAGER, gm, "report/1")).isEqualTo(SECRET);
    assertThat(ManagersBox.open(sealed, ManagerRole.REVOCATION_MANAGER, rm, "report/1")).isEqualTo(SECRET);
  }

  @Test
  void open_outsiderKey_fails() throws Exception {
    byte[] sealed = ManagersBox.seal(SECRET, managers, "report/1");

    assertThatThrownBy(() -> ManagersBox.open(sealed, ManagerRole.GROUP_MANAGER, X25519KeyPair.generate(), "report/1"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void open_otherContext_fails() throws Exception {
    byte[] sealed = ManagersBox.seal(SECRET, managers, "report/1");

    assertThatThrownBy(() -> ManagersBox.open(sealed, ManagerRole.REVOCATION_MANAGER, rm, "report/2"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void open_alteredCiphertext_fails() throws Exception {
    byte[] sealed = ManagersBox.seal(SECRET, managers, "report/1");
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> ManagersBox.open(sealed, ManagerRole.GROUP_MANAGER, gm, "report/1"))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void open_truncated_throwsMalformed() {
    assertThatThrownBy(() -> ManagersBox.open(new byte[10], ManagerRole.GROUP_MANAGER, gm, "report/1"))
        .isInstanceOf(MalformedInputException.class);
  }
}
