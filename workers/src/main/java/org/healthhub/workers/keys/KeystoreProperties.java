package org.healthhub.workers.keys;

import java.nio.file.Path;
import java.util.Map;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the users' keystores ({@code healthhub.keystores.*}).
 *
 * @param passphrases each user's keystore passphrase; the demo users' come from configuration
 * @param argon2MemoryKib Argon2id memory per opening (RFC 9106's second option by default)
 * @param argon2Iterations Argon2id passes
 * @param dir the keystores' directory; none: {@code <data-dir>/keystores}
 * @param party the one party whose keystore a deployed worker opens, with {@code passphraseFile}
 * @param passphraseFile a file holding that party's passphrase (a container secret), so the
 *     passphrase is in no environment listing; the keystore must exist, none is created
 */
@ConfigurationProperties("healthhub.keystores")
public record KeystoreProperties(
    @DefaultValue Map<String, String> passphrases,
    @DefaultValue("65536") int argon2MemoryKib,
    @DefaultValue("3") int argon2Iterations,
    Path dir,
    String party,
    Path passphraseFile) {

  public Argon2idParameters cost() {
    return new Argon2idParameters(argon2MemoryKib, argon2Iterations, 1);
  }

  @Override
  public String toString() {
    return "KeystoreProperties[users=" + passphrases.keySet() + ", party=" + party + ", passphraseFile="
        + passphraseFile + ", argon2=" + cost() + "]";
  }
}
