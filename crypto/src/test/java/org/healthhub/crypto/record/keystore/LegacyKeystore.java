package org.healthhub.crypto.record.keystore;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.record.JsonBytes;
import org.healthhub.crypto.record.merkle.CanonicalJson;

/** A keystore as version 2 wrote it (no party in the header), for the migration tests. */
final class LegacyKeystore {

  private LegacyKeystore() {}

  /** Current pairs only (no retired ones), as a version 2 keystore held them. */
  static void writeVersion2(Path file, UserKeys keys, char[] passphrase, Argon2idParameters cost) throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("format", "healthhub-keystore/v2");
    json.putObject("kdf").put("algorithm", "argon2id").put("memoryKiB", cost.memoryKiB())
        .put("iterations", cost.iterations()).put("parallelism", cost.parallelism()).put("salt", JsonBytes.encode(salt));
    json.put("x25519PublicKey", HexFormat.of().formatHex(keys.wrapping().publicKey()));
    json.put("secp256k1PublicKey", HexFormat.of().formatHex(keys.chain().publicKey()));
    json.putArray("retiredX25519PublicKeys");
    json.putArray("retiredSecp256k1PublicKeys");
    json.put("nonce", JsonBytes.encode(nonce));
    byte[] plaintext = new byte[64];
    System.arraycopy(keys.wrapping().privateKey().copySecret(), 0, plaintext, 0, 32);
    System.arraycopy(keys.chain().privateKey().copySecret(), 0, plaintext, 32, 32);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cost.deriveKey(passphrase, salt), "AES"), new GCMParameterSpec(128, nonce));
    aes.updateAAD(CanonicalJson.canonicalize(json).getBytes(StandardCharsets.UTF_8));
    json.put("ciphertext", JsonBytes.encode(aes.doFinal(plaintext)));
    Files.writeString(file, json.toPrettyString());
  }
}
