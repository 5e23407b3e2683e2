package org.healthhub.workers.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.healthhub.crypto.record.keystore.KeystoreFile;
import org.healthhub.crypto.record.keystore.UserKeys;

/**
 * Every user's encrypted keystore ({@link KeystoreFile}: X25519 for wrapping, secp256k1 for the
 * chain) under one directory, created on first use, opened with the passphrase configured for
 * the user; plus the user's other secrets (member keys, manager shares), each a {@link SealedBox}
 * file sealed to the user's own X25519 key, so opening any of them needs the keystore passphrase.
 *
 * <p>A keyring opens only the keystores whose passphrase it was given: a party's worker is given
 * its own passphrase and no other, so it can seal to anyone (public keys are read from the
 * keystores' clear headers) but open only its own secrets.
 *
 * <p>Rotation keeps the old pair in the keystore as retired: secrets and records sealed to it still
 * open, while everything sealed from then on uses the new pair.
 *
 * <p>Opened keys are cached for the life of this object (Argon2id costs tens of milliseconds and
 * 64 MiB per opening).
 */
public final class Keyring {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Path directory;
  private final Map<String, char[]> passphrases;
  private final Argon2idParameters cost;
  private final boolean createsMissing;
  private final Map<String, UserKeys> opened = new ConcurrentHashMap<>();

  /** @param passphrases each user's keystore passphrase (demo users' from configuration) */
  public Keyring(Path directory, Map<String, String> passphrases, Argon2idParameters cost) {
    this(directory, passphrases, cost, true);
  }

  private Keyring(Path directory, Map<String, String> passphrases, Argon2idParameters cost, boolean createsMissing) {
    this.directory = directory;
    this.passphrases = new ConcurrentHashMap<>();
    passphrases.forEach((user, passphrase) -> this.passphrases.put(user, passphrase.toCharArray()));
    this.cost = cost;
    this.createsMissing = createsMissing;
  }

  /**
   * A keyring that opens keystores made beforehand and creates none (a deployed party's worker):
   * a missing keystore is an error, not a fresh identity.
   */
  public static Keyring ofExisting(Path directory, Map<String, String> passphrases, Argon2idParameters cost) {
    return new Keyring(directory, passphrases, cost, false);
  }

  /**
   * The user's keys, from the keystore file (created with fresh keys the first time, unless
   * {@link #ofExisting}).
   *
   * @throws IllegalStateException if no passphrase is configured for the user
   * @throws java.nio.file.NoSuchFileException if the keystore is missing and this keyring creates none
   * @throws org.healthhub.crypto.record.keystore.WrongPassphraseException if the file does not open
   * @throws org.healthhub.crypto.record.keystore.WrongKeystorePartyException if the file is another user's
   */
  public UserKeys keysOf(String userId) throws IOException, GeneralSecurityException {
    UserKeys keys = opened.get(requireUserId(userId));
    if (keys != null) {
      return keys;
    }
    synchronized (this) {
      keys = opened.get(userId);
      if (keys == null) {
        keys = openOrCreate(userId);
        opened.put(userId, keys);
      }
      return keys;
    }
  }

  /** Whether this keyring was given the user's passphrase, so it may open the user's keystore. */
  public boolean holds(String userId) {
    return passphrases.containsKey(requireUserId(userId));
  }

  /**
   * The user's current X25519 public key, to seal something for the user: from the opened keys if
   * this keyring holds the user, else from the keystore's header without opening it, or from the
   * user's public keys file ({@code <user>.public.json}) where only that was given.
   *
   * @throws IllegalStateException if the user has no keystore and this keyring may not create it
   */
  public byte[] wrappingPublicKey(String userId) throws IOException, GeneralSecurityException {
    if (holds(userId)) {
      return keysOf(userId).wrapping().publicKey();
    }
    Path file = keystoreFile(userId);
    if (!Files.exists(file)) {
      file = directory.resolve(userId + ".public.json");
    }
    if (!Files.exists(file)) {
      throw new IllegalStateException("user '" + userId + "' has no keystore or public keys file in " + directory
          + " and this keyring holds no passphrase to create it");
    }
    return KeystoreFile.currentWrappingPublicKey(file, userId);
  }

  /**
   * The user's X25519 pair, current or retired, whose public key is {@code publicKey}.
   *
   * @throws java.util.NoSuchElementException if the user's keystore holds no such pair
   */
  public X25519KeyPair wrappingKeyFor(String userId, byte[] publicKey) throws IOException, GeneralSecurityException {
    return keysOf(userId).wrappingFor(publicKey).orElseThrow(() ->
        new java.util.NoSuchElementException("the keystore of " + userId + " holds no X25519 key "
            + HexFormat.of().formatHex(publicKey)));
  }

  /** Replaces the user's X25519 pair by a fresh one; the old pair stays in the keystore, retired. */
  public synchronized UserKeys rotateWrappingKey(String userId) throws IOException, GeneralSecurityException {
    return replace(userId, keysOf(userId).rotateWrapping());
  }

  /** Replaces the user's chain key by a fresh one; the old key stays in the keystore, retired. */
  public synchronized UserKeys rotateChainKey(String userId) throws IOException, GeneralSecurityException {
    return replace(userId, keysOf(userId).rotateChain());
  }

  private UserKeys replace(String userId, UserKeys rotated) throws IOException {
    KeystoreFile.write(keystoreFile(userId), userId, rotated, passphrases.get(userId), cost);
    opened.put(userId, rotated);
    return rotated;
  }

  /** Stores {@code secret} under {@code name}, sealed to the user's own key (atomic replace). */
  public void writeSecret(String userId, String name, byte[] secret) throws IOException, GeneralSecurityException {
    byte[] sealed = SealedBox.seal(secret, wrappingPublicKey(userId), contextOf(userId, name));
    Path file = secretFile(userId, name);
    Files.createDirectories(file.getParent());
    Path partial = Files.createTempFile(file.getParent(), ".secret", ".tmp");
    try {
      Files.write(partial, sealed);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Reads a secret written by {@link #writeSecret}, or empty if there is none; one sealed before a
   * rotation opens with the retired pair it was sealed to.
   *
   * @throws DecryptionFailedException if no pair of the user's opens it (altered, or not the user's)
   */
  public Optional<byte[]> readSecret(String userId, String name) throws IOException, GeneralSecurityException {
    Optional<byte[]> sealed = sealedSecret(userId, name);
    return sealed.isEmpty() ? Optional.empty() : Optional.of(openSecret(userId, name, sealed.get()));
  }

  /**
   * A secret as {@link #writeSecret} stored it, still sealed (it shows nothing of the secret), or
   * empty if there is none: lets a holder of the opened secret tell whether it was replaced since.
   */
  public Optional<byte[]> sealedSecret(String userId, String name) throws IOException {
    Path file = secretFile(userId, name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(Files.readAllBytes(file));
  }

  /**
   * Opens bytes {@link #sealedSecret} returned for the same user and name.
   *
   * @throws DecryptionFailedException if no pair of the user's opens it (altered, or not the user's)
   */
  public byte[] openSecret(String userId, String name, byte[] sealed) throws IOException, GeneralSecurityException {
    List<X25519KeyPair> pairs = keysOf(userId).allWrapping();
    for (int i = 0; ; i++) {
      try {
        return SealedBox.open(sealed, pairs.get(i), contextOf(userId, name));
      } catch (DecryptionFailedException e) {
        if (i == pairs.size() - 1) {
          throw e;
        }
      }
    }
  }

  /** The names of every secret the user's keystore holds (for audits: each still opens only with the passphrase). */
  public List<String> secretNames(String userId) throws IOException {
    Path secrets = directory.resolve(requireUserId(userId) + ".secrets");
    if (!Files.isDirectory(secrets)) {
      return List.of();
    }
    try (var files = Files.list(secrets)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sealed"))
          .map(name -> name.substring(0, name.length() - ".sealed".length())).sorted().toList();
    }
  }

  /** Deletes a secret written by {@link #writeSecret}; deleting one that is not there does nothing. */
  public void deleteSecret(String userId, String name) throws IOException {
    Files.deleteIfExists(secretFile(userId, name));
  }

  private UserKeys openOrCreate(String userId) throws IOException, GeneralSecurityException {
    char[] passphrase = passphrases.get(userId);
    if (passphrase == null) {
      throw new IllegalStateException("no keystore passphrase configured for user '" + userId
          + "' (healthhub.keystores.passphrases." + userId + ")");
    }
    Path file = keystoreFile(userId);
    if (Files.exists(file)) {
      return KeystoreFile.read(file, userId, passphrase);
    }
    if (!createsMissing) {
      throw new NoSuchFileException(file.toString(), null, "no keystore of '" + userId
          + "' (this keyring opens keystores made beforehand and creates none)");
    }
    Files.createDirectories(directory);
    UserKeys keys = UserKeys.generate();
    KeystoreFile.write(file, userId, keys, passphrase, cost);
    return keys;
  }

  private Path keystoreFile(String userId) {
    return directory.resolve(requireUserId(userId) + ".keystore.json");
  }

  private Path secretFile(String userId, String name) {
    return directory.resolve(requireUserId(userId) + ".secrets").resolve(requireUserId(name) + ".sealed");
  }

  private static String contextOf(String userId, String name) {
    return "healthhub/keyring-secret/v1|" + userId + "|" + name;
  }

  private static String requireUserId(String id) {
    if (!USER_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a user or secret name: '" + id + "'");
    }
    return id;
  }
}
