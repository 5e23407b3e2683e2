package org.healthhub.workers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.workers.config.PartyWorkerConfigurationTest.assertStartFails;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.keystore.WrongPassphraseException;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.HospitalOpeningGroups;
import org.healthhub.workers.keys.KeyCustody;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.PartyKeystoreSetup;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * docker-compose.yml's workers, started as compose starts them (their default topic lists, party,
 * passphrase files and mounts, read from the file) on what {@code ./healthhub keystores} makes:
 * each serves its whole list, and together they serve every topic.
 */
class WorkersComposeTest {

  private static final Pattern WORKER = Pattern.compile("^  (worker-[a-z]+):\\n((?:(?:    .*)?\\n)+)", Pattern.MULTILINE);

  /** One worker service as docker-compose.yml declares it. */
  private record Service(String name, List<String> topics, String party, boolean keepsMembers, boolean readsGroups) {}

  @TempDir Path dir;
  private Path keystores;
  private Path secrets;

  @BeforeEach
  void runTheSetup() throws Exception {
    keystores = dir.resolve("keystores");
    secrets = dir.resolve("secrets");
    DeploymentSetup.create(keystores, secrets, PartyKeystoreSetup.DEFAULT_MEMBERS, TestKeyrings.CHEAP);
  }

  @Test
  void composeWorkers_eachServesItsListedTopics() throws Exception {
    for (Service service : services().values()) {
      assertThat(service.readsGroups()).as("%s mounts ./keystores/groups", service.name()).isTrue();
      worker(service).run(context -> {
        assertThat(context).as(service.name()).hasNotFailed();
        Subscriptions served = context.getBean(KeyCustody.class)
            .servable(context.getBean(Subscriptions.class), service.topics(), context.getBean(Keyring.class));
        assertThat(served.handlers().keySet()).as(service.name()).containsExactlyInAnyOrderElementsOf(service.topics());
      });
    }
  }

  @Test
  void composeWorkers_togetherServeEveryTopicOnce() throws Exception {
    List<String> listed = new ArrayList<>();
    services().values().forEach(service -> listed.addAll(service.topics()));

    worker(services().get("worker-hospital")).run(context ->
        assertThat(listed).containsExactlyInAnyOrderElementsOf(context.getBean(Subscriptions.class).handlers().keySet()));
  }

  @Test
  void hospitalWorker_opensEachMembersKeystoreAndNoManagers() throws Exception {
    worker(services().get("worker-hospital")).run(context -> {
      Keyring keyring = context.getBean(Keyring.class);
      for (String member : PartyKeystoreSetup.DEFAULT_MEMBERS) {
        assertThat(keyring.keysOf(member)).as(member).isNotNull();
      }
      assertThat(keyring.users()).containsExactlyInAnyOrder("hospital", "doctor", "patient", "buyer");
      assertThat(context.getBean(HospitalGroups.class).require(DeploymentSetup.DEMO_GROUP).groupManager())
          .isEqualTo("groupmanager");
    });
  }

  @Test
  void managerWorkers_eachFindsItsOwnShare() throws Exception {
    Map<String, Service> services = services();
    Map<String, ManagerRole> roles = Map.of("worker-gm", ManagerRole.GROUP_MANAGER,
        "worker-rm", ManagerRole.REVOCATION_MANAGER);
    roles.forEach((name, role) -> worker(services.get(name)).run(context ->
        assertThat(context.getBean(HospitalOpeningGroups.class).share(DeploymentSetup.DEMO_GROUP, "cpy06", role).role())
            .isEqualTo(role)));
  }

  @Test
  void start_membersPassphrasesDirMissing_failsNamingTheSetting() throws Exception {
    Files.move(secrets.resolve("members"), dir.resolve("elsewhere"));

    assertStartFails(worker(services().get("worker-hospital")), NoSuchFileException.class,
        "healthhub.keystores.passphrases-dir");
  }

  @Test
  void start_aMembersPassphraseFileEmpty_failsNamingTheFile() throws Exception {
    Files.writeString(secrets.resolve("members/patient.passphrase"), "\n");

    assertStartFails(worker(services().get("worker-hospital")), IllegalArgumentException.class,
        "patient.passphrase (healthhub.keystores.passphrases-dir) is empty");
  }

  @Test
  void start_membersPassphrasesDirWithoutFiles_fails() throws Exception {
    try (var files = Files.list(secrets.resolve("members"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }

    assertStartFails(worker(services().get("worker-hospital")), IllegalArgumentException.class, "holds no <user>.passphrase");
  }

  @Test
  void start_aMembersPassphraseFileWrong_failsWithWrongPassphrase() throws Exception {
    Files.writeString(secrets.resolve("members/doctor.passphrase"), "not the doctor's passphrase");

    assertStartFails(worker(services().get("worker-hospital")), WrongPassphraseException.class, "wrong passphrase");
  }

  /** The worker with the settings compose gives it, its mounts made as links into the setup's output. */
  private ApplicationContextRunner worker(Service service) {
    Path data = dir.resolve("data-" + service.name());
    try {
      Files.createDirectories(data);
      if (!Files.exists(data.resolve("hospital-groups"))) {
        Files.createSymbolicLink(data.resolve("hospital-groups"), keystores.resolve(DeploymentSetup.GROUPS_DIR));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> settings = new ArrayList<>(List.of(
        "healthhub.data-dir=" + data,
        "healthhub.keystores.dir=" + keystores.resolve(service.party()),
        "healthhub.keystores.party=" + service.party(),
        "healthhub.keystores.passphrase-file=" + secrets.resolve(service.party() + ".passphrase"),
        "healthhub.keystores.argon2-memory-kib=" + TestKeyrings.CHEAP.memoryKiB(),
        "healthhub.keystores.argon2-iterations=" + TestKeyrings.CHEAP.iterations()));
    if (service.keepsMembers()) {
      settings.add("healthhub.keystores.passphrases-dir=" + secrets.resolve(PartyKeystoreSetup.MEMBERS_DIR));
    }
    return new ApplicationContextRunner().withUserConfiguration(WorkersConfiguration.class)
        .withPropertyValues(settings.toArray(String[]::new));
  }

  private static Map<String, Service> services() throws Exception {
    Path compose = Path.of(System.getProperty("healthhub.tools.dir")).getParent().resolve("docker-compose.yml");
    Matcher worker = WORKER.matcher(Files.readString(compose));
    Map<String, Service> services = new LinkedHashMap<>();
    while (worker.find()) {
      String block = worker.group(2);
      services.put(worker.group(1), new Service(worker.group(1),
          List.of(find(block, "HEALTHHUB_WORKERS_TOPICS: \\$\\{\\w+:-([^}]+)}").split(",")),
          find(block, "HEALTHHUB_KEYSTORES_PARTY: (\\S+)"),
          block.contains("HEALTHHUB_KEYSTORES_PASSPHRASES_DIR:"),
          block.contains("./keystores/groups:/data/hospital-groups:ro")));
    }
    assertThat(services).containsOnlyKeys("worker-hospital", "worker-gm", "worker-rm");
    return services;
  }

  private static String find(String block, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(block);
    assertThat(matcher.find()).as("%s in %s", regex, block).isTrue();
    return matcher.group(1);
  }
}
