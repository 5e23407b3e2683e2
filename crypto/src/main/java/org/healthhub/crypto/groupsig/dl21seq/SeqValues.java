package org.healthhub.crypto.groupsig.dl21seq;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Transcript;

/**
 * A dl21seq signature's sequence values, exported as {@code {"3": n_i, "1": ..., "2": ...}}:
 * {@code n_i = PRF(k, state)}, {@code x_i = PRF(kk, n_i)}, {@code "1" = SHA-256(x_i)},
 * {@code "2" = SHA-256(x_i XOR x_(i-1))}, all 64 lowercase hex; PRF(key, v) = HMAC-SHA256 keyed
 * with the hex-decoded key over the text of v.
 */
record SeqValues(String current, String hashOfX, String hashOfChain) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();
  // the provider lookup of Mac.getInstance costs more than the four HMACs of a signature
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(SeqValues::newHmac);

  static SeqValues compute(String k, String kk, long state) throws MalformedInputException {
    String n = prf(k, Long.toString(state));
    byte[] x = HEX.parseHex(prf(kk, n));
    byte[] previousX = HEX.parseHex(prf(kk, prf(k, Long.toString(state - 1))));
    return new SeqValues(n, sha256Hex(x), sha256Hex(xor(x, previousX)));
  }

  /** {@code x = PRF(kk, n_i)}: what a sequential link reveals for this signature. */
  String x(String kk) throws MalformedInputException {
    return prf(kk, current);
  }

  /** Whether {@code x} is this signature's {@code x_i}: {@code SHA-256(x) = "1"}. */
  boolean opens(String x) {
    return sha256Hex(HEX.parseHex(x)).equals(hashOfX);
  }

  /** Whether {@code previousX, x} are consecutive: {@code SHA-256(previousX XOR x) = "2"}. */
  boolean follows(String previousX, String x) {
    return sha256Hex(xor(HEX.parseHex(previousX), HEX.parseHex(x))).equals(hashOfChain);
  }

  Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("3", current);
    map.put("1", hashOfX);
    map.put("2", hashOfChain);
    return map;
  }

  static SeqValues fromMap(Map<String, String> map) throws MalformedInputException {
    if (!map.keySet().equals(java.util.Set.of("1", "2", "3"))) {
      throw new MalformedInputException("dl21seq signature seq must hold exactly \"3\", \"1\", \"2\"");
    }
    return new SeqValues(
        requireHex64("seq[3]", map.get("3")),
        requireHex64("seq[1]", map.get("1")),
        requireHex64("seq[2]", map.get("2")));
  }

  static String requireHex64(String what, String value) throws MalformedInputException {
    if (!HEX64.matcher(value).matches()) {
      throw new MalformedInputException("dl21seq " + what + " must be 64 lowercase hex digits");
    }
    return value;
  }

  static String prf(String keyHex, String text) throws MalformedInputException {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(HEX.parseHex(keyHex), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(Transcript.utf8(text)));
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 takes a key of any length", e);
    }
  }

  private static Mac newHmac() {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
    }
  }

  static String sha256Hex(byte[] data) {
    return HEX.formatHex(Transcript.sha256(data));
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }
}
