package org.healthhub.workers.opening;

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
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningShare;
import org.healthhub.crypto.record.JsonBytes;
import org.healthhub.crypto.record.keystore.Argon2idParameters;
import org.healthhub.crypto.record.keystore.WrongPassphraseException;
import org.healthhub.crypto.record.merkle.CanonicalJson;

/**
 * One manager's opening share in its own small JSON file, sealed with AES-256-GCM under a key
 * derived from a passphrase by Argon2id. Scheme, role and KDF parameters stay readable and are
 * authenticated as associated data, so a GM share cannot be passed off as the RM's. The share is
 * never written in clear, not even to a temporary file.
 */
public final class ShareKeystore {
  static final String FORMAT = "healthhub-opening-share/v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShareKeystore() {}

  /** Writes atomically (temporary file, owner-only permissions where supported, then rename). */
  public static void write(Path file, OpeningShare share, char[] passphrase, Argon2idParameters cost)
      throws IOException, GeneralSecurityException {
    byte[] salt = random(16);
    byte[] nonce = random(12);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", FORMAT);
    json.put("scheme", share.scheme());
    json.put("role", share.role().label());
    ObjectNode kdf = json.putObject("kdf");
    kdf.put("algorithm", "argon2id");
    kdf.put("memoryKiB", cost.memoryKiB());
    kdf.put("iterations", cost.iterations());
    kdf.put("parallelism", cost.parallelism());
    kdf.put("salt", JsonBytes.encode(salt));
    json.put("nonce", JsonBytes.encode(nonce));
    byte[] plaintext = share.toBase64().getBytes(StandardCharsets.US_ASCII);
    byte[] key = cost.deriveKey(passphrase, salt);
    try {
      json.put("ciphertext", JsonBytes.encode(aes(Cipher.ENCRYPT_MODE, key, nonce, json).doFinal(plaintext)));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".share", ".tmp");
    try {
      if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temporary, json.toPrettyString(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Reads the share of {@code role} for {@code scheme}.
   *
   * @throws WrongPassphraseException if the passphrase is wrong or the file was altered
   * @throws MalformedInputException if the file is not a share keystore, or holds another role's or
   *     scheme's share
   */
  public static OpeningShare read(Path file, char[] passphrase, String scheme, ManagerRole role)
      throws IOException, GeneralSecurityException {
    JsonNode parsed = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    if (!parsed.isObject() || !FORMAT.equals(parsed.path("format").asText())
        || !"argon2id".equals(parsed.path("kdf").path("algorithm").asText())) {
      throw new MalformedInputException("not a " + FORMAT + " file with an argon2id KDF");
    }
    ObjectNode json = (ObjectNode) parsed;
    if (!scheme.equals(json.path("scheme").asText()) || !role.label().equals(json.path("role").asText())) {
      throw new MalformedInputException("the share keystore holds the " + json.path("role").asText() + " share of "
          + json.path("scheme").asText() + ", not the " + role.label() + " share of " + scheme);
    }
    JsonNode kdf = json.get("kdf");
    Argon2idParameters cost = Argon2idParameters.fromFile(
        kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(), kdf.path("parallelism").asInt());
    byte[] salt = JsonBytes.decode(kdf.get("salt"), "share keystore salt", 16);
    byte[] nonce = JsonBytes.decode(json.get("nonce"), "share keystore nonce", 12);
    byte[] ciphertext = JsonBytes.decode(json.remove("ciphertext"), "share keystore ciphertext");
    byte[] key = cost.deriveKey(passphrase, salt);
    byte[] plaintext;
    try {
      plaintext = aes(Cipher.DECRYPT_MODE, key, nonce, json).doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new WrongPassphraseException("share keystore does not open: wrong passphrase, or the file was altered", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    try {
      OpeningShare share = OpeningShare.fromBase64(scheme, new String(plaintext, StandardCharsets.US_ASCII));
      if (share.role() != role) {
        throw new MalformedInputException("the sealed share is the " + share.role() + "'s, not the " + role + "'s");
      }
      return share;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static Cipher aes(int mode, byte[] key, byte[] nonce, ObjectNode header) throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    // The header as RFC 8785 JSON: re-spacing the file does not break it, any edit does.
    aes.updateAAD(CanonicalJson.canonicalize(header).getBytes(StandardCharsets.UTF_8));
    return aes;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
