package org.healthhub.crypto.testing;

import java.util.Base64;

/** Builds well-formed but tampered signature exports for the schemes' rejection tests. */
public final class SignatureSplicing {
  private SignatureSplicing() {}

  /** {@code target} with field {@code name} taken from {@code donor} (both signature exports). */
  public static String spliceField(String target, String donor, String name) {
    String targetFields = innerJson(target);
    String donorFields = innerJson(donor);
    String value = valueOf(donorFields, name);
    String replaced = targetFields.replace(valueOf(targetFields, name), value);
    String inner = Base64.getEncoder().encodeToString(replaced.getBytes());
    String outer = new String(Base64.getDecoder().decode(target));
    String oldInner = outer.replaceAll(".*\"signature\": \"([^\"]*)\".*", "$1");
    return Base64.getEncoder().encodeToString(outer.replace(oldInner, inner).getBytes());
  }

  private static String innerJson(String export) {
    String outer = new String(Base64.getDecoder().decode(export));
    return new String(
        Base64.getDecoder().decode(outer.replaceAll(".*\"signature\": \"([^\"]*)\".*", "$1")));
  }

  private static String valueOf(String fields, String name) {
    return fields.replaceAll(".*\"" + name + "\": \"([^\"]*)\".*", "$1");
  }
}
