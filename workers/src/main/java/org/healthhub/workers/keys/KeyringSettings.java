package org.healthhub.workers.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyring a process opens from its {@link KeystoreProperties}. Given a party and a passphrase
 * file, it is a deployed party's worker; given a directory of passphrase files, it keeps those
 * users' keystores (the members' custodian). Passphrases from files (container secrets, never
 * environment variables) open keystores made beforehand, none is created, and each is opened at
 * once so a wrong passphrase, a missing file or another user's keystore stops the worker at start.
 */
public final class KeyringSettings {

  private static final String PASSPHRASE_FILE = "healthhub.keystores.passphrase-file";
  private static final String PASSPHRASES_DIR = "healthhub.keystores.passphrases-dir";
  private static final String SUFFIX = ".passphrase";

  private KeyringSettings() {}

  /**
   * @param defaultDirectory the keystores' directory when {@code healthhub.keystores.dir} is not set
   * @throws NoSuchFileException if a passphrase file, the passphrases directory or a keystore is missing
   * @throws org.healthhub.crypto.record.keystore.WrongPassphraseException if a keystore does not open
   * @throws org.healthhub.crypto.record.keystore.WrongKeystorePartyException if a keystore is another user's
   * @throws IllegalArgumentException if a passphrase file is empty, the directory holds none, or the
   *     settings contradict each other (named in the message)
   */
  public static Keyring open(KeystoreProperties settings, Path defaultDirectory)
      throws IOException, GeneralSecurityException {
    Path directory = settings.dir() == null ? defaultDirectory : settings.dir();
    if (settings.passphraseFile() == null && settings.party() != null) {
      throw new IllegalArgumentException("healthhub.keystores.party is set without " + PASSPHRASE_FILE);
    }
    if (settings.passphraseFile() == null && settings.passphrasesDir() == null) {
      return new Keyring(directory, settings.passphrases(), settings.cost());
    }
    Map<String, String> passphrases = new HashMap<>(settings.passphrases());
    List<String> fromFiles = new ArrayList<>();
    if (settings.passphraseFile() != null) {
      String party = settings.party();
      if (party == null || party.isBlank()) {
        throw new IllegalArgumentException(PASSPHRASE_FILE + " needs healthhub.keystores.party: whose keystore it opens");
      }
      add(passphrases, fromFiles, party, settings.passphraseFile(), PASSPHRASE_FILE);
    }
    if (settings.passphrasesDir() != null) {
      for (Path file : passphraseFilesIn(settings.passphrasesDir())) {
        String name = file.getFileName().toString();
        add(passphrases, fromFiles, name.substring(0, name.length() - SUFFIX.length()), file, PASSPHRASES_DIR);
      }
    }
    Keyring keyring = Keyring.ofExisting(directory, passphrases, settings.cost());
    for (String user : fromFiles) {
      keyring.keysOf(user);
    }
    return keyring;
  }

  private static void add(Map<String, String> passphrases, List<String> fromFiles, String user, Path file, String setting)
      throws IOException {
    if (passphrases.containsKey(user)) {
      throw new IllegalArgumentException("the passphrase of '" + user + "' is given twice: in " + setting
          + " and in healthhub.keystores.passphrases or another passphrase file");
    }
    passphrases.put(user, readPassphrase(file, setting));
    fromFiles.add(user);
  }

  private static List<Path> passphraseFilesIn(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new NoSuchFileException(directory.toString(), null, "the passphrases directory (" + PASSPHRASES_DIR
          + ") is missing");
    }
    List<Path> files;
    try (var listing = Files.list(directory)) {
      files = listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("the passphrases directory " + directory + " (" + PASSPHRASES_DIR
          + ") holds no <user>" + SUFFIX + " file");
    }
    return files;
  }

  private static String readPassphrase(Path file, String setting) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "the keystore passphrase file (" + setting + ") is missing");
    }
    // Secret files are often written with a final newline; it is not part of the passphrase.
    String passphrase = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\r?\n\\z", "");
    if (passphrase.isEmpty()) {
      throw new IllegalArgumentException("the keystore passphrase file " + file + " (" + setting + ") is empty");
    }
    return passphrase;
  }
}
