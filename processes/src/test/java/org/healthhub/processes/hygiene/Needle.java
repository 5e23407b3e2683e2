package org.healthhub.processes.hygiene;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One secret in every form code could have written it in: as bytes (raw; for text, its UTF-8 and
 * UTF-16) and as text (hex, upper-case hex, base64 and base64url at each of the three byte
 * alignments a longer encoded value could place it at, Java's byte-list print; for text, itself).
 */
final class Needle {

  /** Shorter secrets would match by chance. */
  static final int MIN_BYTES = 8;
  /** A base64 form shorter than this (after trimming the unaligned tail) would match by chance. */
  private static final int MIN_BASE64 = 12;

  private final String label;
  private final Map<String, byte[]> byteForms = new LinkedHashMap<>();
  private final Map<String, String> textForms = new LinkedHashMap<>();

  private Needle(String label) {
    this.label = label;
  }

  static Needle ofBytes(String label, byte[] secret) {
    requireLength(label, secret);
    Needle needle = new Needle(label);
    needle.byteForms.put("raw", secret.clone());
    needle.textForms.put("hex", HexFormat.of().formatHex(secret));
    needle.textForms.put("HEX", HexFormat.of().withUpperCase().formatHex(secret));
    needle.addBase64(secret);
    needle.textForms.put("byte list", Arrays.toString(secret));
    return needle;
  }

  static Needle ofText(String label, String secret) {
    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    requireLength(label, utf8);
    Needle needle = new Needle(label);
    needle.textForms.put("text", secret);
    needle.byteForms.put("UTF-16", secret.getBytes(StandardCharsets.UTF_16BE));
    needle.addBase64(utf8);
    return needle;
  }

  String label() {
    return label;
  }

  /** The first form found in text (a text column, a log). */
  Optional<String> inText(String haystack) {
    return textForms.entrySet().stream().filter(form -> haystack.contains(form.getValue())).map(Map.Entry::getKey)
        .findFirst();
  }

  /** The first form found in bytes (a byte array, a blob): byte forms, and text forms as UTF-8 or UTF-16. */
  Optional<String> inBytes(byte[] haystack) {
    for (Map.Entry<String, byte[]> form : byteForms.entrySet()) {
      if (indexOf(haystack, form.getValue()) >= 0) {
        return Optional.of(form.getKey());
      }
    }
    for (Map.Entry<String, String> form : textForms.entrySet()) {
      if (indexOf(haystack, form.getValue().getBytes(StandardCharsets.UTF_8)) >= 0) {
        return Optional.of(form.getKey() + " as UTF-8");
      }
      if (indexOf(haystack, form.getValue().getBytes(StandardCharsets.UTF_16BE)) >= 0) {
        return Optional.of(form.getKey() + " as UTF-16");
      }
    }
    return Optional.empty();
  }

  /** The first form found in hex-encoded bytes (calldata, event data and topics, without 0x). */
  Optional<String> inHex(String lowerCaseHex) {
    for (Map.Entry<String, byte[]> form : byteForms.entrySet()) {
      if (lowerCaseHex.contains(HexFormat.of().formatHex(form.getValue()))) {
        return Optional.of(form.getKey());
      }
    }
    for (Map.Entry<String, String> form : textForms.entrySet()) {
      if (lowerCaseHex.contains(HexFormat.of().formatHex(form.getValue().getBytes(StandardCharsets.UTF_8)))) {
        return Optional.of(form.getKey() + " as UTF-8");
      }
    }
    return Optional.empty();
  }

  private void addBase64(byte[] secret) {
    for (int offset = 0; offset < 3; offset++) {
      byte[] aligned = Arrays.copyOfRange(secret, offset, secret.length);
      // The last group may mix with whatever follows the secret in a longer value: keep only whole groups.
      int whole = aligned.length / 3 * 4;
      String base64 = Base64.getEncoder().encodeToString(aligned).substring(0, whole);
      String base64Url = Base64.getUrlEncoder().encodeToString(aligned).substring(0, whole);
      // A group that began before the secret mixes with the bytes in front: drop it for offsets 1 and 2.
      if (base64.length() >= MIN_BASE64) {
        textForms.putIfAbsent("base64@" + offset, base64);
        if (!base64Url.equals(base64)) {
          textForms.putIfAbsent("base64url@" + offset, base64Url);
        }
      }
    }
  }

  private static void requireLength(String label, byte[] secret) {
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException("secret '" + label + "' has " + secret.length + " bytes; at least "
          + MIN_BYTES + " are needed to scan for it without chance matches");
    }
  }

  /** Byte search: ISO-8859-1 maps each byte to one char, so a string search is an exact byte search. */
  static int indexOf(byte[] haystack, byte[] needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
  }

  @Override
  public String toString() {
    return "Needle[" + label + ", redacted]";
  }
}
