package org.healthhub.workers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthhub.crypto.record.keystore.WrongKeystorePartyException;
import org.healthhub.crypto.record.keystore.WrongPassphraseException;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.Topics;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.keys.KeyCustody;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.MissingKeystoreException;
import org.healthhub.workers.keys.PartyKeystoreSetup;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.BeansException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The workers' configuration as a deployed party's worker starts it: its keystore directory, its
 * party and a passphrase file, as docker-compose.yml gives them (made by the keystore setup).
 */
class PartyWorkerConfigurationTest {

  @TempDir Path dir;
  private Path keystores;
  private Path secrets;
  private Map<String, String> addresses;

  @BeforeEach
  void makeTheDeploymentsKeystores() throws Exception {
    keystores = dir.resolve("keystores");
    secrets = dir.resolve("secrets");
    addresses = PartyKeystoreSetup.create(keystores, secrets, PartyKeystoreSetup.DEFAULT_PARTIES, TestKeyrings.CHEAP)
        .stream().collect(Collectors.toMap(PartyKeystoreSetup.Created::party, PartyKeystoreSetup.Created::chainAddress));
  }

  @Test
  void start_groupManagerFromFiles_servesItsTopicsWithItsChainKeyOnly() {
    worker("groupmanager", keystores.resolve("groupmanager"), secrets.resolve("groupmanager.passphrase")).run(context -> {
      assertThat(context).hasNotFailed();
      Keyring keyring = context.getBean(Keyring.class);
      assertThat(keyring.holds("groupmanager")).isTrue();
      assertThat(keyring.holds("revocationmanager")).isFalse();
      assertThat(keyring.holds("hospital")).isFalse();
      assertThat(context.getBean(DataHubAccess.class).credentialsOf("groupmanager").getAddress())
          .isEqualToIgnoringCase(addresses.get("groupmanager"));
      KeyCustody custody = context.getBean(KeyCustody.class);
      Subscriptions all = context.getBean(Subscriptions.class);
      assertThat(custody.servable(all, List.of(Topics.GROUPSIG_JOIN_MANAGER, Topics.OPENING_PARTIAL_GM), keyring).handlers())
          .containsOnlyKeys(Topics.GROUPSIG_JOIN_MANAGER, Topics.OPENING_PARTIAL_GM);
      assertThatThrownBy(() -> custody.servable(all, List.of(Topics.OPENING_PARTIAL_RM), keyring))
          .isInstanceOf(MissingKeystoreException.class).hasMessageContaining("'revocationmanager'");
    });
  }

  @Test
  void start_passphraseFileEndsWithNewline_opens() throws Exception {
    Path file = secrets.resolve("revocationmanager.passphrase");
    Files.writeString(file, Files.readString(file) + "\n");

    worker("revocationmanager", keystores.resolve("revocationmanager"), file)
        .run(context -> assertThat(context.getBean(Keyring.class).keysOf("revocationmanager")).isNotNull());
  }

  @Test
  void start_wrongPassphrase_failsWithWrongPassphrase() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong.passphrase"), "not the passphrase");

    assertStartFails(worker("groupmanager", keystores.resolve("groupmanager"), wrong), WrongPassphraseException.class,
        "wrong passphrase");
  }

  @Test
  void start_passphraseFileMissing_failsNamingTheSetting() {
    assertStartFails(worker("groupmanager", keystores.resolve("groupmanager"), secrets.resolve("absent")),
        NoSuchFileException.class, "healthhub.keystores.passphrase-file");
  }

  @Test
  void start_keystoreMissing_failsWithoutCreatingOne() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertStartFails(worker("groupmanager", empty, secrets.resolve("groupmanager.passphrase")), NoSuchFileException.class,
        "creates none");
    try (var files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void start_keystoreOfAnotherPartyInItsPlace_failsWithWrongParty() throws Exception {
    Files.copy(keystores.resolve("revocationmanager/revocationmanager.keystore.json"),
        keystores.resolve("groupmanager/groupmanager.keystore.json"), StandardCopyOption.REPLACE_EXISTING);

    assertStartFails(worker("groupmanager", keystores.resolve("groupmanager"), secrets.resolve("groupmanager.passphrase")),
        WrongKeystorePartyException.class, "belongs to 'revocationmanager'");
  }

  @Test
  void start_partyWithoutPassphraseFile_failsNamingTheSetting() {
    assertStartFails(new ApplicationContextRunner().withUserConfiguration(WorkersConfiguration.class)
            .withPropertyValues("healthhub.data-dir=" + dir.resolve("data"), "healthhub.keystores.party=groupmanager"),
        IllegalArgumentException.class, "healthhub.keystores.passphrase-file");
  }

  private ApplicationContextRunner worker(String party, Path keystoreDir, Path passphraseFile) {
    return new ApplicationContextRunner().withUserConfiguration(WorkersConfiguration.class).withPropertyValues(
        "healthhub.data-dir=" + dir.resolve("data-" + party),
        "healthhub.keystores.dir=" + keystoreDir,
        "healthhub.keystores.party=" + party,
        "healthhub.keystores.passphrase-file=" + passphraseFile,
        "healthhub.keystores.argon2-memory-kib=" + TestKeyrings.CHEAP.memoryKiB(),
        "healthhub.keystores.argon2-iterations=" + TestKeyrings.CHEAP.iterations());
  }

  /** The first cause below Spring's own exceptions is the typed one, with the reason. */
  private static void assertStartFails(ApplicationContextRunner runner, Class<? extends Throwable> cause, String reason) {
    runner.run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      while (failure instanceof BeansException && failure.getCause() != null) {
        failure = failure.getCause();
      }
      assertThat(failure).isInstanceOf(cause);
      assertThat(failure.getMessage()).contains(reason);
    });
  }
}
