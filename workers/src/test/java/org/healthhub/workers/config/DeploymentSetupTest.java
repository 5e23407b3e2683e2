package org.healthhub.workers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.HospitalOpeningGroups;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.PartyKeystoreSetup;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group setup ceremony of a deployment: each manager's worker, opening only its own keystore
 * directory with its own passphrase file, finds its share and never the other's.
 */
class DeploymentSetupTest {

  private static final String GROUP = DeploymentSetup.DEMO_GROUP;

  @TempDir Path keystores;
  @TempDir Path secrets;

  @BeforeEach
  void makeKeystoresAndGroup() throws Exception {
    DeploymentSetup.create(keystores, secrets, PartyKeystoreSetup.DEFAULT_MEMBERS, TestKeyrings.CHEAP);
  }

  @Test
  void createGroup_eachManagersKeystore_holdsItsOwnShareAndNotTheOthers() throws Exception {
    String gmShare = shareAs("groupmanager", ManagerRole.GROUP_MANAGER);
    String rmShare = shareAs("revocationmanager", ManagerRole.REVOCATION_MANAGER);

    assertThat(gmShare).isNotEqualTo(rmShare);
    assertThat(everySecretOf("groupmanager")).hasSize(3).contains(gmShare).noneMatch(secret -> secret.contains(rmShare));
    assertThat(everySecretOf("revocationmanager")).containsExactly(rmShare);
  }

  @Test
  void createGroup_secretsOnlyInTheirOwnersDirectories() throws Exception {
    assertThat(keystores.resolve("groupmanager/revocationmanager.secrets")).doesNotExist();
    assertThat(keystores.resolve("revocationmanager/groupmanager.secrets")).doesNotExist();
    assertThat(keystores.resolve("hospital/groupmanager.secrets")).doesNotExist();
    assertThat(keystores.resolve("hospital/revocationmanager.secrets")).doesNotExist();
    try (var left = Files.list(keystores)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .as("no staging directory left behind")
          .containsExactlyInAnyOrder("hospital", "groupmanager", "revocationmanager", DeploymentSetup.GROUPS_DIR);
    }
  }

  @Test
  void createGroup_publicGroup_readByAnyWorkerWithoutAPassphrase() throws Exception {
    Keyring none = Keyring.ofExisting(keystores.resolve("hospital"), Map.of(), TestKeyrings.CHEAP);
    HospitalGroups.PublicGroup group = new HospitalGroups(keystores.resolve(DeploymentSetup.GROUPS_DIR), new Cpy06(), none)
        .require(GROUP);

    assertThat(group.groupManager()).isEqualTo("groupmanager");
    assertThat(group.revocationManager()).isEqualTo("revocationmanager");
  }

  @Test
  void createGroup_gmWorkerAsksForRmShare_findsNone() throws Exception {
    Keyring gm = workerKeyring("groupmanager");
    HospitalOpeningGroups gmView = new HospitalOpeningGroups(
        new HospitalGroups(keystores.resolve(DeploymentSetup.GROUPS_DIR), new Cpy06(), gm), gm);

    assertThatThrownBy(() -> gmView.share(GROUP, "cpy06", ManagerRole.REVOCATION_MANAGER))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no opening share");
  }

  @Test
  void createGroup_again_refusesToOverwrite() {
    assertThatThrownBy(() -> DeploymentSetup.createGroup(keystores, GROUP, "groupmanager", "revocationmanager"))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void createGroup_managerWithoutKeystore_failsLeavingNoGroup() {
    assertThatThrownBy(() -> DeploymentSetup.createGroup(keystores, "other", "groupmanager", "nobody"))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nobody");
    assertThat(keystores.resolve(DeploymentSetup.GROUPS_DIR).resolve("other.json")).doesNotExist();
  }

  private String shareAs(String manager, ManagerRole role) throws Exception {
    Keyring own = workerKeyring(manager);
    return new HospitalOpeningGroups(new HospitalGroups(keystores.resolve(DeploymentSetup.GROUPS_DIR), new Cpy06(), own),
        own).share(GROUP, "cpy06", role).toBase64();
  }

  /** Every secret in the manager's keystore directory, opened with the manager's passphrase file only. */
  private List<String> everySecretOf(String manager) throws Exception {
    Keyring own = workerKeyring(manager);
    List<String> found = new ArrayList<>();
    for (String name : own.secretNames(manager)) {
      found.add(new String(own.readSecret(manager, name).orElseThrow(), StandardCharsets.US_ASCII));
    }
    return found;
  }

  /** The keyring the manager's worker opens in compose: its directory, its passphrase file. */
  private Keyring workerKeyring(String manager) throws Exception {
    String passphrase = Files.readString(secrets.resolve(manager + ".passphrase"));
    return Keyring.ofExisting(keystores.resolve(manager), Map.of(manager, passphrase), TestKeyrings.CHEAP);
  }
}
