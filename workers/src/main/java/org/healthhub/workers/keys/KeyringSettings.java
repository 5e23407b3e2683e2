package org.healthhub.workers.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;

/**
 * The keyring a process opens from its {@link KeystoreProperties}. Given a party and a passphrase
 * file, it is a deployed party's worker: the passphrase comes from the file (a container secret,
 * never an environment variable), the party's keystore must already exist, and it is opened at
 * once so a wrong passphrase, a missing file or another party's keystore stops the worker at start.
 */
public final class KeyringSettings {

  private KeyringSettings() {}

  /**
   * @param defaultDirectory the keystores' directory when {@code healthhub.keystores.dir} is not set
   * @throws NoSuchFileException if the passphrase file or the party's keystore is missing
   * @throws org.healthhub.crypto.record.keystore.WrongPassphraseException if the keystore does not open
   * @throws org.healthhub.crypto.record.keystore.WrongKeystorePartyException if the keystore is another party's
   * @throws IllegalArgumentException if the settings contradict each other (named in the message)
   */
  public static Keyring open(KeystoreProperties settings, Path defaultDirectory)
      throws IOException, GeneralSecurityException {
    Path directory = settings.dir() == null ? defaultDirectory : settings.dir();
    if (settings.passphraseFile() == null) {
      if (settings.party() != null) {
        throw new IllegalArgumentException("healthhub.keystores.party is set without healthhub.keystores.passphrase-file");
      }
      return new Keyring(directory, settings.passphrases(), settings.cost());
    }
    String party = settings.party();
    if (party == null || party.isBlank()) {
      throw new IllegalArgumentException("healthhub.keystores.passphrase-file needs healthhub.keystores.party: whose keystore it opens");
    }
    if (settings.passphrases().containsKey(party)) {
      throw new IllegalArgumentException("the passphrase of '" + party + "' is given twice: in healthhub.keystores.passphrases and"
          + " in healthhub.keystores.passphrase-file");
    }
    Map<String, String> passphrases = new HashMap<>(settings.passphrases());
    passphrases.put(party, readPassphrase(settings.passphraseFile()));
    Keyring keyring = Keyring.ofExisting(directory, passphrases, settings.cost());
    keyring.keysOf(party);
    return keyring;
  }

  private static String readPassphrase(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "the keystore passphrase file (healthhub.keystores.passphrase-file)"
          + " is missing");
    }
    // Secret files are often written with a final newline; it is not part of the passphrase.
    String passphrase = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\r?\n\\z", "");
    if (passphrase.isEmpty()) {
      throw new IllegalArgumentException("the keystore passphrase file " + file + " is empty");
    }
    return passphrase;
  }
}
