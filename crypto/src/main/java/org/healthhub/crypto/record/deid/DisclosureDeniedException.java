package org.healthhub.crypto.record.deid;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/** A template or disclosure that asks for fields the profile forbids; every refused field is listed. */
public final class DisclosureDeniedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;
  private final transient List<Denial> denials;

  /** One refused field: its path, the Safe Harbor identifier it is (if one), and why. */
  public record Denial(String path, Optional<SafeHarborIdentifier> identifier, String reason) {}

  public DisclosureDeniedException(List<Denial> denials) {
    super("disclosure refused for " + denials.stream().map(d -> d.path() + " (" + d.reason() + ")").toList());
    this.denials = List.copyOf(denials);
  }

  public List<Denial> denials() {
    return denials;
  }
}
