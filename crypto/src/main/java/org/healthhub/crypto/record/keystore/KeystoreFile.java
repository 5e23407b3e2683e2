package org.healthhub.crypto.record.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.JsonBytes;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.hpke.X25519KeyPair;
import org.healthhub.crypto.record.merkle.CanonicalJson;

/**
 * A user's key pairs in one JSON file, the private keys sealed with AES-256-GCM under a key
 * derived from a passphrase by Argon2id. The public keys and KDF parameters stay readable and are
 * authenticated as associated data. Private keys are never written in clear, not even to a
 * temporary file.
 */
public final class KeystoreFile {
  static final String FORMAT = "healthhub-keystore/v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeystoreFile() {}

  /** Writes atomically (temporary file, owner-only permissions where supported, then rename). */
  public static void write(Path file, UserKeys keys, char[] passphrase, Argon2idParameters cost) throws IOException {
    byte[] salt = random(16);
    byte[] nonce = random(12);
    ObjectNode json = header(keys, cost, salt, nonce);
    byte[] wrapping = keys.wrapping().privateKey().copySecret();
    byte[] chain = keys.chain().privateKey().copySecret();
    byte[] plaintext = new byte[64];
    byte[] key = deriveKey(passphrase, salt, cost);
    try {
      System.arraycopy(wrapping, 0, plaintext, 0, 32);
      System.arraycopy(chain, 0, plaintext, 32, 32);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      aes.updateAAD(associatedData(json));
      json.put("ciphertext", JsonBytes.encode(aes.doFinal(plaintext)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    } finally {
      Arrays.fill(wrapping, (byte) 0);
      Arrays.fill(chain, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keystore", ".tmp");
    try {
      restrictToOwner(temporary);
      Files.writeString(temporary, json.toPrettyString(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * @throws WrongPassphraseException if the passphrase is wrong or the file was altered
   * @throws MalformedInputException if the file is not a keystore of this format
   */
  public static UserKeys read(Path file, char[] passphrase) throws IOException, GeneralSecurityException {
    ObjectNode json = parse(Files.readString(file, StandardCharsets.UTF_8));
    JsonNode kdf = json.get("kdf");
    Argon2idParameters cost =
        Argon2idParameters.fromFile(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(), kdf.path("parallelism").asInt());
    byte[] salt = JsonBytes.decode(kdf.get("salt"), "keystore salt", 16);
    byte[] nonce = JsonBytes.decode(json.get("nonce"), "keystore nonce", 12);
    byte[] ciphertext = JsonBytes.decode(json.get("ciphertext"), "keystore ciphertext", 64 + 16);
    json.remove("ciphertext");
    byte[] key = deriveKey(passphrase, salt, cost);
    byte[] plaintext = null;
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      aes.updateAAD(associatedData(json));
      plaintext = aes.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new WrongPassphraseException("keystore does not open: wrong passphrase, or the file was altered", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    try {
      UserKeys keys =
          new UserKeys(
              X25519KeyPair.fromPrivateKey(SecretBytes.copyOf(Arrays.copyOfRange(plaintext, 0, 32))),
              Secp256k1KeyPair.fromPrivateKey(SecretBytes.copyOf(Arrays.copyOfRange(plaintext, 32, 64))));
      requirePublicKeysMatch(json, keys);
      return keys;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static ObjectNode header(UserKeys keys, Argon2idParameters cost, byte[] salt, byte[] nonce) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", FORMAT);
    ObjectNode kdf = json.putObject("kdf");
    kdf.put("algorithm", "argon2id");
    kdf.put("memoryKiB", cost.memoryKiB());
    kdf.put("iterations", cost.iterations());
    kdf.put("parallelism", cost.parallelism());
    kdf.put("salt", JsonBytes.encode(salt));
    json.put("x25519PublicKey", HexFormat.of().formatHex(keys.wrapping().publicKey()));
    json.put("secp256k1PublicKey", HexFormat.of().formatHex(keys.chain().publicKey()));
    json.put("nonce", JsonBytes.encode(nonce));
    return json;
  }

  private static ObjectNode parse(String text) throws MalformedInputException {
    JsonNode json = CanonicalJson.parse(text);
    if (!json.isObject() || !FORMAT.equals(json.path("format").asText())
        || !json.path("kdf").isObject() || !"argon2id".equals(json.path("kdf").path("algorithm").asText())) {
      throw new MalformedInputException("not a " + FORMAT + " file with an argon2id KDF");
    }
    return (ObjectNode) json;
  }

  /** The header as RFC 8785 JSON: reordering or re-spacing the file does not break it, any edit does. */
  private static byte[] associatedData(ObjectNode header) throws MalformedInputException {
    return CanonicalJson.canonicalize(header).getBytes(StandardCharsets.UTF_8);
  }

  private static void requirePublicKeysMatch(JsonNode json, UserKeys keys) throws MalformedInputException {
    boolean match =
        MessageDigest.isEqual(HexFormat.of().formatHex(keys.wrapping().publicKey()).getBytes(), json.path("x25519PublicKey").asText().getBytes())
            && MessageDigest.isEqual(HexFormat.of().formatHex(keys.chain().publicKey()).getBytes(), json.path("secp256k1PublicKey").asText().getBytes());
    if (!match) {
      throw new MalformedInputException("keystore public keys do not belong to its private keys");
    }
  }

  private static byte[] deriveKey(char[] passphrase, byte[] salt, Argon2idParameters cost) {
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKiB())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .build());
    byte[] key = new byte[32];
    argon2.generateBytes(passphrase, key);
    return key;
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the content is encrypted either way.
    }
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
