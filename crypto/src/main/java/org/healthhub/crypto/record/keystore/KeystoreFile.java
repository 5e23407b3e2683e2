package org.healthhub.crypto.record.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 *
 * <p>Version 2 also keeps the pairs retired by rotation ({@link UserKeys#retiredWrapping()},
 * {@link UserKeys#retiredChain()}): their public keys listed in the header, their private keys
 * after the current ones in the sealed block.
 *
 * <p>Version 3 names the party that owns the keystore in the header, so it is authenticated with
 * the rest: a keystore put in another party's place does not open as that party's, even under
 * the same passphrase. Version 1 and 2 files name no party; they still open, and the first read
 * by their owner rewrites them as version 3 bound to that owner (the migration is one-way).
 */
public final class KeystoreFile {
  static final String FORMAT = "healthhub-keystore/v3";
  static final String PUBLIC_FORMAT = "healthhub-keystore-public/v1";
  private static final String FORMAT_V1 = "healthhub-keystore/v1";
  /** The formats written before the header named the party. */
  private static final List<String> UNBOUND_FORMATS = List.of(FORMAT_V1, "healthhub-keystore/v2");
  private static final int KEY = 32;
  /** Rotations a keystore keeps; far above any real use, it bounds what a hostile file can ask for. */
  private static final int MAX_RETIRED = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeystoreFile() {}

  /**
   * Writes {@code party}'s keys atomically (temporary file, owner-only permissions where
   * supported, then rename), the party named in the authenticated header.
   */
  public static void write(Path file, String party, UserKeys keys, char[] passphrase, Argon2idParameters cost)
      throws IOException {
    byte[] salt = random(16);
    byte[] nonce = random(12);
    ObjectNode json = header(party, keys, cost, salt, nonce);
    List<SecretBytes> privateKeys = new ArrayList<>();
    keys.allWrapping().forEach(pair -> privateKeys.add(pair.privateKey()));
    keys.allChain().forEach(pair -> privateKeys.add(pair.privateKey()));
    // Order: current wrapping, retired wrapping..., current chain, retired chain... (as the header lists them).
    byte[] plaintext = new byte[KEY * privateKeys.size()];
    byte[] key = cost.deriveKey(passphrase, salt);
    try {
      for (int i = 0; i < privateKeys.size(); i++) {
        byte[] secret = privateKeys.get(i).copySecret();
        System.arraycopy(secret, 0, plaintext, i * KEY, KEY);
        Arrays.fill(secret, (byte) 0);
      }
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      aes.updateAAD(associatedData(json));
      json.put("ciphertext", JsonBytes.encode(aes.doFinal(plaintext)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    } finally {
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
   * {@code party}'s keys; a version 1 or 2 file is rewritten as version 3 bound to {@code party}.
   *
   * @throws WrongKeystorePartyException if the header names another party
   * @throws WrongPassphraseException if the passphrase is wrong or the file (header included) was altered
   * @throws MalformedInputException if the file is not a keystore of a known format
   */
  public static UserKeys read(Path file, String party, char[] passphrase) throws IOException, GeneralSecurityException {
    ObjectNode json = parse(Files.readString(file, StandardCharsets.UTF_8));
    boolean unbound = namesNoParty(json);
    if (!unbound) {
      requireParty(json, party, file);
    }
    JsonNode kdf = json.get("kdf");
    Argon2idParameters cost =
        Argon2idParameters.fromFile(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(), kdf.path("parallelism").asInt());
    byte[] salt = JsonBytes.decode(kdf.get("salt"), "keystore salt", 16);
    byte[] nonce = JsonBytes.decode(json.get("nonce"), "keystore nonce", 12);
    int retiredWrapping = retiredCount(json, "retiredX25519PublicKeys");
    int retiredChain = retiredCount(json, "retiredSecp256k1PublicKeys");
    int keyCount = 2 + retiredWrapping + retiredChain;
    byte[] ciphertext = JsonBytes.decode(json.get("ciphertext"), "keystore ciphertext", KEY * keyCount + 16);
    json.remove("ciphertext");
    byte[] key = cost.deriveKey(passphrase, salt);
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
      List<X25519KeyPair> wrapping = new ArrayList<>();
      for (int i = 0; i <= retiredWrapping; i++) {
        wrapping.add(X25519KeyPair.fromPrivateKey(keyAt(plaintext, i)));
      }
      List<Secp256k1KeyPair> chain = new ArrayList<>();
      for (int i = 0; i <= retiredChain; i++) {
        chain.add(Secp256k1KeyPair.fromPrivateKey(keyAt(plaintext, 1 + retiredWrapping + i)));
      }
      UserKeys keys = new UserKeys(wrapping.get(0), chain.get(0), wrapping.subList(1, wrapping.size()),
          chain.subList(1, chain.size()));
      requirePublicKeysMatch(json, keys);
      if (unbound) {
        write(file, party, keys, passphrase, cost);
      }
      return keys;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static boolean namesNoParty(JsonNode json) {
    return UNBOUND_FORMATS.contains(json.path("format").asText());
  }

  private static void requireParty(JsonNode json, String party, Path file) throws WrongKeystorePartyException {
    String named = json.path("party").asText();
    if (!named.equals(party)) {
      throw new WrongKeystorePartyException("keystore " + file.getFileName() + " belongs to '" + named
          + "', not to '" + party + "'");
    }
  }

  private static ObjectNode header(String party, UserKeys keys, Argon2idParameters cost, byte[] salt, byte[] nonce) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", FORMAT);
    json.put("party", party);
    ObjectNode kdf = json.putObject("kdf");
    kdf.put("algorithm", "argon2id");
    kdf.put("memoryKiB", cost.memoryKiB());
    kdf.put("iterations", cost.iterations());
    kdf.put("parallelism", cost.parallelism());
    kdf.put("salt", JsonBytes.encode(salt));
    json.put("x25519PublicKey", HexFormat.of().formatHex(keys.wrapping().publicKey()));
    json.put("secp256k1PublicKey", HexFormat.of().formatHex(keys.chain().publicKey()));
    ArrayNode retiredWrapping = json.putArray("retiredX25519PublicKeys");
    keys.retiredWrapping().forEach(pair -> retiredWrapping.add(HexFormat.of().formatHex(pair.publicKey())));
    ArrayNode retiredChain = json.putArray("retiredSecp256k1PublicKeys");
    keys.retiredChain().forEach(pair -> retiredChain.add(HexFormat.of().formatHex(pair.publicKey())));
    json.put("nonce", JsonBytes.encode(nonce));
    return json;
  }

  private static ObjectNode parse(String text) throws MalformedInputException {
    JsonNode json = CanonicalJson.parse(text);
    if (!json.isObject() || !(FORMAT.equals(json.path("format").asText()) || namesNoParty(json))
        || !json.path("kdf").isObject() || !"argon2id".equals(json.path("kdf").path("algorithm").asText())) {
      throw new MalformedInputException("not a " + FORMAT + " file with an argon2id KDF");
    }
    return (ObjectNode) json;
  }

  /** The header as RFC 8785 JSON: reordering or re-spacing the file does not break it, any edit does. */
  private static byte[] associatedData(ObjectNode header) throws MalformedInputException {
    return CanonicalJson.canonicalize(header).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code party}'s current public keys alone, for the parties that seal to it on other
   * machines: no private part, so nothing to guess the passphrase against.
   */
  public static void writePublicKeys(Path file, String party, UserKeys keys) throws IOException {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", PUBLIC_FORMAT);
    json.put("party", party);
    json.put("x25519PublicKey", HexFormat.of().formatHex(keys.wrapping().publicKey()));
    json.put("secp256k1PublicKey", HexFormat.of().formatHex(keys.chain().publicKey()));
    Files.writeString(file, json.toPrettyString(), StandardCharsets.UTF_8);
  }

  /**
   * The X25519 public key of {@code party}'s current pair, read without the passphrase (so others
   * can seal to its owner) from its keystore or its {@link #writePublicKeys public keys file}.
   * Without the passphrase the header cannot be authenticated: trust it as far as you trust the
   * file's location; a header naming another party is refused.
   *
   * @throws WrongKeystorePartyException if the header names another party
   * @throws MalformedInputException if the file is neither a keystore nor a public keys file
   */
  public static byte[] currentWrappingPublicKey(Path file, String party) throws IOException, GeneralSecurityException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode publicKeys = CanonicalJson.parse(text);
    JsonNode json = PUBLIC_FORMAT.equals(publicKeys.path("format").asText()) ? publicKeys : parse(text);
    if (!namesNoParty(json)) {
      requireParty(json, party, file);
    }
    String hex = json.path("x25519PublicKey").asText();
    try {
      byte[] key = HexFormat.of().parseHex(hex);
      if (key.length != KEY) {
        throw new MalformedInputException("keystore X25519 public key is " + key.length + " bytes, not " + KEY);
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("keystore X25519 public key is not hex");
    }
  }

  private static int retiredCount(JsonNode json, String field) throws MalformedInputException {
    JsonNode list = json.path(field);
    if (list.isMissingNode() && FORMAT_V1.equals(json.path("format").asText())) {
      return 0;
    }
    if (!list.isArray() || list.size() > MAX_RETIRED) {
      throw new MalformedInputException(field + " must be a list of at most " + MAX_RETIRED + " keys");
    }
    return list.size();
  }

  private static SecretBytes keyAt(byte[] plaintext, int index) {
    byte[] key = Arrays.copyOfRange(plaintext, index * KEY, (index + 1) * KEY);
    try {
      return SecretBytes.copyOf(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void requirePublicKeysMatch(JsonNode json, UserKeys keys) throws MalformedInputException {
    ArrayNode expected = JsonNodeFactory.instance.arrayNode();
    keys.allWrapping().forEach(pair -> expected.add(HexFormat.of().formatHex(pair.publicKey())));
    keys.allChain().forEach(pair -> expected.add(HexFormat.of().formatHex(pair.publicKey())));
    ArrayNode listed = JsonNodeFactory.instance.arrayNode();
    listed.add(json.path("x25519PublicKey").asText());
    json.path("retiredX25519PublicKeys").forEach(listed::add);
    listed.add(json.path("secp256k1PublicKey").asText());
    json.path("retiredSecp256k1PublicKeys").forEach(listed::add);
    boolean match = MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.US_ASCII),
        listed.toString().getBytes(StandardCharsets.US_ASCII));
    if (!match) {
      throw new MalformedInputException("keystore public keys do not belong to its private keys");
    }
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
