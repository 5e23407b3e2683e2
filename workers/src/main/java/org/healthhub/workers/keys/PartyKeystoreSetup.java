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
 * <p>Usage: {@code ./healthhub keystores [KEYSTORES_DIR [SECRETS_DIR [PARTY...]]]}; the default
 * parties are the keyring users of the hospital, the group manager and the revocation manager.
 */
public final class PartyKeystoreSetup {

  public static final List<String> DEFAULT_PARTIES = List.of("hospital", "groupmanager", "revocationmanager");
  private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What was made for one party: public facts only. */
  public record Created(String party, String chainAddress, byte[] wrappingPublicKey, Path keystore, Path passphraseFile) {}

  private PartyKeystoreSetup() {}

  public static void main(String[] args) {
    Path keystores = Path.of(args.length > 0 ? args[0] : "keystores");
    Path secrets = Path.of(args.length > 1 ? args[1] : "secrets");
    List<String> parties = args.length > 2 ? List.of(Arrays.copyOfRange(args, 2, args.length)) : DEFAULT_PARTIES;
    try {
      print(create(keystores, secrets, parties, Argon2idParameters.recommended()), System.out);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      System.err.println("keystores not made: " + e);
      System.exit(1);
    }
  }

  /**
   * @throws FileAlreadyExistsException if any party's keystore or passphrase file is already there
   * @throws IllegalArgumentException if a party name is not a keyring user name or is repeated
   */
  public static List<Created> create(Path keystores, Path secrets, List<String> parties, Argon2idParameters cost)
      throws IOException, GeneralSecurityException {
    if (parties.isEmpty() || parties.stream().distinct().count() != parties.size()
        || !parties.stream().allMatch(party -> PARTY.matcher(party).matches())) {
      throw new IllegalArgumentException("parties must be distinct user names ([A-Za-z0-9._@-]): " + parties);
    }
    for (String party : parties) {
      for (Path file : List.of(keystoreOf(keystores, party), passphraseFileOf(secrets, party))) {
        if (Files.exists(file)) {
          throw new FileAlreadyExistsException(file.toString(), null, "keystores are never overwritten");
        }
      }
    }
    createOwnerOnlyDirectory(secrets);
    Map<String, UserKeys> keys = new LinkedHashMap<>();
    List<Created> created = new ArrayList<>();
    for (String party : parties) {
      UserKeys partyKeys = UserKeys.generate();
      keys.put(party, partyKeys);
      char[] passphrase = newPassphrase(passphraseFileOf(secrets, party));
      try {
        createOwnerOnlyDirectory(keystores.resolve(party));
        KeystoreFile.write(keystoreOf(keystores, party), party, partyKeys, passphrase, cost);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
      created.add(new Created(party, chainAddress(partyKeys), partyKeys.wrapping().publicKey(),
          keystoreOf(keystores, party), passphraseFileOf(secrets, party)));
    }
    for (String party : parties) {
      for (String other : parties) {
        if (!other.equals(party)) {
          KeystoreFile.writePublicKeys(keystores.resolve(party).resolve(other + ".public.json"), other, keys.get(other));
        }
      }
    }
    return created;
  }

  static void print(List<Created> created, PrintStream out) {
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
