package org.healthhub.processes.hygiene;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.envelope.EnvelopeDataKeys;
import org.healthhub.crypto.record.envelope.RecordEnvelope;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.keystore.Secp256k1KeyPair;
import org.healthhub.crypto.record.keystore.UserKeys;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.KeystoreProperties;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.SealedRecords;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Test support for end-to-end suites: registers every secret a running engine app holds, and scans
 * every place the app writes. The configured login passwords count, and every user with a
 * configured keystore passphrase: their passphrase, their X25519 and secp256k1 private keys (retired ones too), everything their keystore
 * holds (member keys, the managers' opening shares, issuing keys, membership lists) and the data
 * key of each record they are the patient of.
 *
 * <pre>{@code
 * SecretScanner scanner = AppSecrets.register(app, SecretScanner.builder().text("diagnosis", diagnosis)).build();
 * assertThat(AppSecrets.scanEverywhere(app, scanner, output.getAll())).isEmpty();
 * }</pre>
 */
public final class AppSecrets {

  private AppSecrets() {}

  /** Adds the app's secrets to {@code builder} (record plaintext is the caller's to add: only it knows it). */
  public static SecretScanner.Builder register(ApplicationContext app, SecretScanner.Builder builder) throws Exception {
    Keyring keyring = app.getBean(Keyring.class);
    RecordIndex records = app.getBean(RecordIndex.class);
    SealedRecords sealed = app.getBean(SealedRecords.class);
    app.getBean(KeystoreProperties.class).passphrases().forEach((user, passphrase) ->
        builder.text("keystore passphrase of " + user, passphrase));
    // Configured ones only: a generated demo password is printed once on purpose.
    Binder.get(app.getEnvironment()).bind("healthhub.demo-users.passwords", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of()).forEach((user, password) -> builder.text("login password of " + user, password));
    for (String user : app.getBean(KeystoreProperties.class).passphrases().keySet()) {
      UserKeys keys = keyring.keysOf(user);
      for (X25519KeyPair pair : keys.allWrapping()) {
        builder.bytes("X25519 private key of " + user, pair.privateKey().copySecret());
      }
      for (Secp256k1KeyPair pair : keys.allChain()) {
        builder.bytes("chain private key of " + user, pair.privateKey().copySecret());
      }
      for (String name : keyring.secretNames(user)) {
        registerKeystoreSecret(builder, user + "'s " + name, keyring.readSecret(user, name).orElseThrow());
      }
      for (RecordIndex.Entry record : records.ofPatient(user)) {
        builder.bytes("data key of record " + record.recordId(), dataKey(keyring, sealed.envelope(record.recordCid()), user));
      }
    }
    return builder;
  }

  /**
   * Scans the engine's tables, {@code log}, the blob store (the IPFS node, or the embedded store's
   * directory), the data directory's other files (not the keystores, not the database files) and
   * the chain the app talks to.
   */
  public static List<SecretHit> scanEverywhere(ApplicationContext app, SecretScanner scanner, String log)
      throws SQLException, IOException, InterruptedException {
    if (scanner.secretCount() == 0) {
      throw new IllegalArgumentException("no secret registered: the scan would prove nothing");
    }
    Environment environment = app.getEnvironment();
    Path dataDir = Path.of(environment.getRequiredProperty("healthhub.data-dir"));
    String ipfs = environment.getProperty("healthhub.storage.ipfs-api-url", "");
    List<SecretHit> hits = new ArrayList<>(scanner.engine(app.getBean(DataSource.class)));
    hits.addAll(scanner.log(log));
    hits.addAll(scanner.blobs(ipfs.isBlank() ? BlobSource.directory(dataDir.resolve("blobs")) : BlobSource.ipfsNode(URI.create(ipfs))));
    hits.addAll(scanner.blobs(BlobSource.directory(dataDir).excluding("keystores", "engine", "blobs")));
    hits.addAll(scanner.chain(URI.create(environment.getRequiredProperty("healthhub.chain.rpc-url"))));
    return hits;
  }

  /** The data key of a record, unwrapped with its patient's key as the patient's reader does. */
  public static byte[] dataKey(Keyring keyring, RecordEnvelope envelope, String patient) throws Exception {
    byte[] publicKey = envelope.wraps().get(patient).publicKey();
    SecretBytes key = EnvelopeDataKeys.unwrap(envelope, patient, keyring.wrappingKeyFor(patient, publicKey));
    try {
      return key.copySecret();
    } finally {
      key.destroy();
    }
  }

  /** Keystore entries are ASCII (base64 keys, lists): sought as text, and decoded when they are base64. */
  private static void registerKeystoreSecret(SecretScanner.Builder builder, String label, byte[] secret) {
    String text = new String(secret, StandardCharsets.US_ASCII);
    builder.text(label, text);
    try {
      byte[] decoded = Base64.getDecoder().decode(text.trim());
      if (decoded.length >= Needle.MIN_BYTES) {
        builder.bytes(label + " (decoded)", decoded);
      }
    } catch (IllegalArgumentException notBase64) {
      // A multi-part entry (credential, member id): its text form is what code could leak.
    }
  }
}
