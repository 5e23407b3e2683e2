package org.healthhub.workers.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GM's and the RM's opening shares of a group live in two keystores, each opened only with
 * its own manager's passphrase: no keystore holds both, and neither manager's keyring opens the
 * other's share.
 */
class ManagerShareCustodyTest {

  private static final String GROUP = "st-mary";

  @TempDir Path dir;
  private Path keys;

  @BeforeEach
  void createGroup() throws Exception {
    keys = dir.resolve("keys");
    Keyring setup = TestKeyrings.of(keys, "groupmanager", "revocationmanager");
    new HospitalGroups(dir.resolve("groups"), new Cpy06(), setup).createIfAbsent(GROUP, "groupmanager", "revocationmanager");
  }

  @Test
  void createIfAbsent_eachManagersKeystore_holdsItsOwnShareAndNotTheOthers() throws Exception {
    String gmShare = shareAs("groupmanager", ManagerRole.GROUP_MANAGER);
    String rmShare = shareAs("revocationmanager", ManagerRole.REVOCATION_MANAGER);

    assertThat(gmShare).isNotEqualTo(rmShare);
    List<String> gmSecrets = everySecretOf("groupmanager");
    List<String> rmSecrets = everySecretOf("revocationmanager");
    assertThat(gmSecrets).anyMatch(secret -> secret.equals(gmShare)).noneMatch(secret -> secret.contains(rmShare));
    assertThat(rmSecrets).containsExactly(rmShare);
  }

  @Test
  void share_gmOnlyKeyringAsksForRmShare_cannotOpenIt() throws Exception {
    Keyring gmOnly = TestKeyrings.of(keys, "groupmanager");
    HospitalOpeningGroups gmView = new HospitalOpeningGroups(new HospitalGroups(dir.resolve("groups"), new Cpy06(), gmOnly),
        gmOnly);

    assertThatThrownBy(() -> gmView.share(GROUP, "cpy06", ManagerRole.REVOCATION_MANAGER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("healthhub.keystores.passphrases.revocationmanager");
  }

  @Test
  void createIfAbsent_oneUserForBothManagers_throws() {
    Keyring keyring = TestKeyrings.of(keys, "groupmanager");

    assertThatThrownBy(() -> new HospitalGroups(dir.resolve("groups"), new Cpy06(), keyring)
        .createIfAbsent("other-group", "groupmanager", "groupmanager"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private String shareAs(String manager, ManagerRole role) throws Exception {
    Keyring own = TestKeyrings.of(keys, manager);
    return new HospitalOpeningGroups(new HospitalGroups(dir.resolve("groups"), new Cpy06(), own), own)
        .share(GROUP, "cpy06", role).toBase64();
  }

  /** Every secret in the manager's keystore, opened with that manager's passphrase only. */
  private List<String> everySecretOf(String manager) throws Exception {
    Keyring own = TestKeyrings.of(keys, manager);
    List<String> secrets = new ArrayList<>();
    for (String name : own.secretNames(manager)) {
      secrets.add(new String(own.readSecret(manager, name).orElseThrow(), StandardCharsets.US_ASCII));
    }
    assertThat(secrets).as("secrets of %s", manager).isNotEmpty();
    return secrets;
  }
}
