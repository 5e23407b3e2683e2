package org.healthhub.crypto.record.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.record.SecretBytes;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Opens Bouncy Castle's wraps with an independent RFC 9180 key schedule written on the JDK alone
 * (XDH, HmacSHA256, AES/GCM), which pins the suite: DHKEM(X25519, HKDF-SHA256) 0x0020,
 * HKDF-SHA256 0x0001, AES-256-GCM 0x0002, Base mode, labels "HPKE-v1".
 */
class HpkeRfc9180KeyScheduleTest {
  private static final byte[] KEM_SUITE = concat(ascii("KEM"), new byte[] {0x00, 0x20});
  private static final byte[] HPKE_SUITE = concat(ascii("HPKE"), new byte[] {0x00, 0x20, 0x00, 0x01, 0x00, 0x02});

  @RepeatedTest(5)
  void wrap_opensWithIndependentRfc9180KeySchedule() throws Exception {
    X25519KeyPair reader = X25519KeyPair.generate();
    SecretBytes dataKey = SecretBytes.random(32);
    byte[] context = "record-1/reader/1".getBytes(StandardCharsets.UTF_8);
    HpkeKeyWrap wrap = new HpkeKeyWrapper().wrap(dataKey, reader.publicKey(), context);
    byte[] enc = wrap.encapsulatedKey();

    byte[] dh = x25519(reader.privateKey().copySecret(), enc);
    byte[] eaePrk = labeledExtract(KEM_SUITE, new byte[0], "eae_prk", dh);
    byte[] sharedSecret = labeledExpand(KEM_SUITE, eaePrk, "shared_secret", concat(enc, reader.publicKey()), 32);
    byte[] keyScheduleContext = concat(new byte[] {0x00},
        labeledExtract(HPKE_SUITE, new byte[0], "psk_id_hash", new byte[0]),
        labeledExtract(HPKE_SUITE, new byte[0], "info_hash", HpkeKeyWrapper.INFO));
    byte[] secret = labeledExtract(HPKE_SUITE, sharedSecret, "secret", new byte[0]);
    byte[] key = labeledExpand(HPKE_SUITE, secret, "key", keyScheduleContext, 32);
    byte[] baseNonce = labeledExpand(HPKE_SUITE, secret, "base_nonce", keyScheduleContext, 12);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, baseNonce));
    aes.updateAAD(context);

    assertThat(aes.doFinal(wrap.ciphertext())).isEqualTo(dataKey.copySecret());
  }

  private static byte[] x25519(byte[] scalar, byte[] uBytes) throws Exception {
    KeyFactory factory = KeyFactory.getInstance("XDH");
    PrivateKey privateKey = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
    byte[] bigEndian = new byte[uBytes.length];
    for (int i = 0; i < uBytes.length; i++) {
      bigEndian[i] = uBytes[uBytes.length - 1 - i];
    }
    bigEndian[0] &= 0x7f;
    PublicKey publicKey = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(privateKey);
    agreement.doPhase(publicKey, true);
    return agreement.generateSecret();
  }

  /** RFC 9180 LabeledExtract: HKDF-Extract(salt, "HPKE-v1" || suite_id || label || ikm). */
  private static byte[] labeledExtract(byte[] suite, byte[] salt, String label, byte[] ikm) throws Exception {
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
    return hmac.doFinal(concat(ascii("HPKE-v1"), suite, ascii(label), ikm));
  }

  /** RFC 9180 LabeledExpand: HKDF-Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L). */
  private static byte[] labeledExpand(byte[] suite, byte[] prk, String label, byte[] info, int length) throws Exception {
    byte[] labeledInfo = concat(new byte[] {0, (byte) length}, ascii("HPKE-v1"), suite, ascii(label), info);
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
    byte[] block = hmac.doFinal(concat(labeledInfo, new byte[] {1}));
    return java.util.Arrays.copyOf(block, length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
