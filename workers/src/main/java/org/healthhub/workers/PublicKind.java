package org.healthhub.workers;

import java.util.regex.Pattern;

/**
 * The kinds of value a process variable set by a worker may hold: all public by nature. A
 * variable's kind is read off its name ({@code recordCid}, {@code merkleRoot}, {@code joinStep}); its value
 * must have the kind's shape, so a key cannot hide behind a public-looking name.
 */
public enum PublicKind {
  CID("Cid", "[1-9A-HJ-NP-Za-km-z]{46}|b[a-z2-7]{20,200}"),
  ROOT("Root", "(0x)?[0-9a-f]{64}"),
  DIGEST("Digest", "(0x)?[0-9a-f]{64}"),
  ADDRESS("Address", "0x[0-9a-fA-F]{40}"),
  TRANSACTION("TxHash", "0x[0-9a-f]{64}"),
  STATUS("Status", "[A-Z][A-Z0-9_]{0,63}"),
  ID("Id", "[A-Za-z0-9._:@-]{1,128}"),
  IDS("Ids", "[A-Za-z0-9._:@-]{1,128}(,[A-Za-z0-9._:@-]{1,128}){0,999}"),
  DATE("Date", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"),
  // A fixed vocabulary per numbered record, so no free text (and no medical content) fits in it.
  RESULTS("Results", "(record \\d{1,4}: (verified|" + String.join("|", VerificationWords.ALL) + ")\\n){1,1000}"),
  STEP("Step", null),
  COUNT("Count", null);

  private final String suffix;
  private final Pattern shape;

  PublicKind(String suffix, String shape) {
    this.suffix = suffix;
    this.shape = shape == null ? null : Pattern.compile(shape);
  }

  String suffix() {
    return suffix;
  }

  /** {@code recordCid} and {@code cid} are CIDs; {@code acid} is not. */
  boolean names(String variable) {
    String alone = Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    return variable.equals(alone) || variable.endsWith(suffix) && variable.length() > suffix.length();
  }

  boolean accepts(Object value) {
    if (shape == null) {
      return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0;
    }
    return value instanceof String text && shape.matcher(text).matches();
  }
}
