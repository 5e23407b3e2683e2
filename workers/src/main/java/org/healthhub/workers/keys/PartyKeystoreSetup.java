package org.healthhub.workers.keys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.healthhub.crypto.record.keystore.KeystoreFile;
import org.healthhub.crypto.record.keystore.UserKeys;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Makes the keystores of a deployment's party workers (docker-compose.yml). Each party gets a
 * directory {@code <keystores>/<party>/} holding its own keystore and the other parties' public
 * keys files (so it can seal to them, never open their keystores), and a random passphrase in
 * {@code <secrets>/<party>.passphrase}, owner-only. It prints each party's chain address (to fund)
 * and public key, never a passphrase or private key, and overwrites nothing.
 *
 * <p>{@code ./healthhub keystores} runs it ({@link org.healthhub.workers.config.DeploymentSetup}).
 */
public final class PartyKeystoreSetup {

  public static final List<String> DEFAULT_PARTIES = List.of("hospital", "groupmanager", "revocationmanager");
  /** The demo's doctor, patient and buyer, whose keystores the hospital's worker keeps. */
  public static final List<String> DEFAULT_MEMBERS = List.of("doctor", "patient", "buyer");
  /** The party whose worker keeps the members' keystores (in its directory) and opens them. */
  public static final String MEMBERS_CUSTODIAN = "hospital";
  /** Under the secrets directory: one passphrase file per member, a compose secret of the custodian's worker. */
  public static final String MEMBERS_DIR = "members";
  private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What was made for one party: public facts only. */
  public record Created(String party, String chainAddress, byte[] wrappingPublicKey, Path keystore, Path passphraseFile) {}

  private PartyKeystoreSetup() {}

  /** {@link #create(Path, Path, List, List, Argon2idParameters)} without members. */
  public static List<Created> create(Path keystores, Path secrets, List<String> parties, Argon2idParameters cost)
      throws IOException, GeneralSecurityException {
    return create(keystores, secrets, parties, List.of(), cost);
  }

  /**
   * Makes each party's keystore in its own directory and each member's (doctors, patients, buyers)
   * in the {@link #MEMBERS_CUSTODIAN}'s, whose worker opens them with one passphrase file per member
   * under {@code <secrets>/members/}; every directory gets the public keys files of the users whose
   * keystores it lacks.
   *
   * @throws FileAlreadyExistsException if any keystore or passphrase file is already there
   * @throws IllegalArgumentException if a name is not a keyring user name or is repeated, or members
   *     are asked for without the custodian among the parties
   */
  public static List<Created> create(Path keystores, Path secrets, List<String> parties, List<String> members,
      Argon2idParameters cost) throws IOException, GeneralSecurityException {
    List<String> users = new ArrayList<>(parties);
    users.addAll(members);
    if (parties.isEmpty() || users.stream().distinct().count() != users.size()
        || !users.stream().allMatch(user -> PARTY.matcher(user).matches())) {
      throw new IllegalArgumentException("parties and members must be distinct user names ([A-Za-z0-9._@-]): " + users);
    }
    if (!members.isEmpty() && !parties.contains(MEMBERS_CUSTODIAN)) {
      throw new IllegalArgumentException("members' keystores are kept by '" + MEMBERS_CUSTODIAN + "', not among " + parties);
    }
    Map<String, Path> homes = new LinkedHashMap<>();
    Map<String, Path> passphraseFiles = new LinkedHashMap<>();
    parties.forEach(party -> homes.put(party, keystores.resolve(party)));
    parties.forEach(party -> passphraseFiles.put(party, passphraseFileOf(secrets, party)));
    members.forEach(member -> homes.put(member, keystores.resolve(MEMBERS_CUSTODIAN)));
    members.forEach(member -> passphraseFiles.put(member, passphraseFileOf(secrets.resolve(MEMBERS_DIR), member)));
    for (String user : users) {
      for (Path file : List.of(homes.get(user).resolve(user + ".keystore.json"), passphraseFiles.get(user))) {
        if (Files.exists(file)) {
          throw new FileAlreadyExistsException(file.toString(), null, "keystores are never overwritten");
        }
      }
    }
    createOwnerOnlyDirectory(secrets);
    if (!members.isEmpty()) {
      createOwnerOnlyDirectory(secrets.resolve(MEMBERS_DIR));
    }
    Map<String, UserKeys> keys = new LinkedHashMap<>();
    List<Created> created = new ArrayList<>();
    for (String user : users) {
      UserKeys userKeys = UserKeys.generate();
      keys.put(user, userKeys);
      Path keystore = homes.get(user).resolve(user + ".keystore.json");
      char[] passphrase = newPassphrase(passphraseFiles.get(user));
      try {
        createOwnerOnlyDirectory(homes.get(user));
        KeystoreFile.write(keystore, user, userKeys, passphrase, cost);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
      created.add(new Created(user, chainAddress(userKeys), userKeys.wrapping().publicKey(), keystore,
          passphraseFiles.get(user)));
    }
    for (String party : parties) {
      for (String other : users) {
        if (!homes.get(other).equals(homes.get(party))) {
          KeystoreFile.writePublicKeys(homes.get(party).resolve(other + ".public.json"), other, keys.get(other));
        }
      }
    }
    return created;
  }

  public static void print(List<Created> created, PrintStream out) {
    out.printf("%-20s %-44s %-66s %s%n", "party", "chain address (fund it)", "X25519 public key", "keystore / passphrase file");
    for (Created party : created) {
      out.printf("%-20s %-44s %-66s %s / %s%n", party.party(), party.chainAddress(),
          HexFormat.of().formatHex(party.wrappingPublicKey()), party.keystore(), party.passphraseFile());
    }
  }

  static Path keystoreOf(Path keystores, String party) {
    return keystores.resolve(party).resolve(party + ".keystore.json");
  }

  static Path passphraseFileOf(Path secrets, String party) {
    return secrets.resolve(party + ".passphrase");
  }

  private static char[] newPassphrase(Path file) throws IOException {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Arrays.fill(random, (byte) 0);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, passphrase, StandardCharsets.UTF_8);
    return passphrase.toCharArray();
  }

  private static String chainAddress(UserKeys keys) {
    byte[] privateKey = keys.chain().privateKey().copySecret();
    try {
      return Keys.toChecksumAddress(Keys.getAddress(ECKeyPair.create(privateKey)));
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
  }

  private static void createOwnerOnlyDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }
}
