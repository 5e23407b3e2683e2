package org.healthhub.workers.config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.PartyKeystoreSetup;

/**
 * Everything docker-compose.yml's workers open, made once before the first start: the parties' and
 * members' keystores and passphrase files ({@link PartyKeystoreSetup}), then the hospital group's
 * setup ceremony. The ceremony seals each manager's secrets to that manager's public key only (read
 * from its keystore's clear header, no passphrase needed): the GM's issuing key, opening share and
 * GML land in the GM's keystore directory, the RM's opening share in the RM's, and the public group
 * (group key, share commitments) in {@code <keystores>/groups/}, which every worker mounts read-only
 * as its {@code hospital-groups}. No directory ever holds the other manager's share.
 *
 * <p>Usage: {@code ./healthhub keystores [KEYSTORES_DIR [SECRETS_DIR [MEMBER...]]]} (default
 * ./keystores, ./secrets, the demo members); it prints public facts only and overwrites nothing.
 */
public final class DeploymentSetup {

  /** Under the keystores directory: the public part of each hospital group. */
  public static final String GROUPS_DIR = "groups";
  public static final String DEMO_GROUP = "st-mary";
  private static final String GROUP_MANAGER = "groupmanager";
  private static final String REVOCATION_MANAGER = "revocationmanager";

  /** What was made: public facts only. */
  public record Made(List<PartyKeystoreSetup.Created> users, PublicGroup group) {}

  private DeploymentSetup() {}

  public static void main(String[] args) {
    Path keystores = Path.of(args.length > 0 ? args[0] : "keystores");
    Path secrets = Path.of(args.length > 1 ? args[1] : "secrets");
    List<String> members = args.length > 2 ? List.of(Arrays.copyOfRange(args, 2, args.length))
        : PartyKeystoreSetup.DEFAULT_MEMBERS;
    try {
      PrintStream out = System.out;
      Made made = create(keystores, secrets, members, Argon2idParameters.recommended());
      PartyKeystoreSetup.print(made.users(), out);
      PublicGroup group = made.group();
      out.printf("group %s (%s): GM share sealed in %s only, RM share in %s only, public group in %s%n", group.groupId(),
          group.groupKey().scheme(), keystores.resolve(GROUP_MANAGER), keystores.resolve(REVOCATION_MANAGER),
          keystores.resolve(GROUPS_DIR));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      System.err.println("keystores not made: " + e);
      System.exit(1);
    }
  }

  /**
   * The three parties' and the members' keystores and passphrase files, then the demo group.
   *
   * @throws FileAlreadyExistsException if any of them exists already
   */
  public static Made create(Path keystores, Path secrets, List<String> members, Argon2idParameters cost)
      throws IOException, GeneralSecurityException {
    List<PartyKeystoreSetup.Created> users = PartyKeystoreSetup.create(keystores, secrets,
        PartyKeystoreSetup.DEFAULT_PARTIES, members, cost);
    return new Made(users, createGroup(keystores, DEMO_GROUP, GROUP_MANAGER, REVOCATION_MANAGER));
  }

  /**
   * The group setup ceremony: dual-control setup, each manager's secrets moved into its own keystore
   * directory ({@code <keystores>/<manager>/}), the public group written last.
   *
   * @throws FileAlreadyExistsException if the group or one of its secrets exists already
   * @throws java.nio.file.NoSuchFileException if a manager has no keystore in its directory
   */
  public static PublicGroup createGroup(Path keystores, String groupId, String groupManager, String revocationManager)
      throws IOException, GeneralSecurityException {
    Path publicGroup = keystores.resolve(GROUPS_DIR).resolve(groupId + ".json");
    if (Files.exists(publicGroup)) {
      throw new FileAlreadyExistsException(publicGroup.toString(), null, "groups are never overwritten");
    }
    Path staging = Files.createTempDirectory(keystores, ".group-setup");
    try {
      for (String manager : List.of(groupManager, revocationManager)) {
        Path keystore = keystores.resolve(manager).resolve(manager + ".keystore.json");
        if (!Files.isRegularFile(keystore)) {
          throw new NoSuchFileException(keystore.toString(), null, "no keystore of the manager '" + manager + "'");
        }
        // Only the clear header is read through this link, for the public key to seal to.
        Files.createSymbolicLink(staging.resolve(manager + ".keystore.json"), keystore.toAbsolutePath());
      }
      Keyring sealOnly = Keyring.ofExisting(staging, Map.of(), Argon2idParameters.recommended());
      PublicGroup group = new HospitalGroups(staging.resolve(GROUPS_DIR), new Cpy06(), sealOnly)
          .createIfAbsent(groupId, groupManager, revocationManager);
      for (String manager : List.of(groupManager, revocationManager)) {
        refuseOverwrite(staging.resolve(manager + ".secrets"), keystores.resolve(manager).resolve(manager + ".secrets"));
      }
      for (String manager : List.of(groupManager, revocationManager)) {
        moveEach(staging.resolve(manager + ".secrets"), keystores.resolve(manager).resolve(manager + ".secrets"));
      }
      Files.createDirectories(publicGroup.getParent());
      Files.move(staging.resolve(GROUPS_DIR).resolve(groupId + ".json"), publicGroup, StandardCopyOption.ATOMIC_MOVE);
      return group;
    } finally {
      deleteTree(staging);
    }
  }

  private static void refuseOverwrite(Path from, Path to) throws IOException {
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(file.getFileName().toString());
        if (Files.exists(target)) {
          throw new FileAlreadyExistsException(target.toString(), null, "a group's secrets are never overwritten");
        }
      }
    }
  }

  private static void moveEach(Path from, Path to) throws IOException {
    if (!Files.isDirectory(to)) {
      Files.createDirectories(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.move(file, to.resolve(file.getFileName().toString()));
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
