package org.healthhub.workers.keys;

import java.nio.file.Path;
import java.util.Map;
import org.healthhub.crypto.record.keystore.Argon2idParameters;

/** Keyrings for tests: the smallest Argon2id cost the keystore accepts, demo passphrases. */
public final class TestKeyrings {

  public static final Argon2idParameters CHEAP = new Argon2idParameters(Argon2idParameters.MIN_MEMORY_KIB, 1, 1);

  private TestKeyrings() {}

  public static Keyring of(Path directory, String... users) {
    Map<String, String> passphrases = new java.util.HashMap<>();
    for (String user : users) {
      passphrases.put(user, "passphrase of " + user);
    }
    return new Keyring(directory, passphrases, CHEAP);
  }
}
