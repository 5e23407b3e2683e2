package org.healthhub.workers.enrol;

import java.util.Base64;

/** One message of a join protocol, opaque to the flow: base64 of what the scheme sends. */
public record JoinMessage(String base64) {

  public JoinMessage {
    try {
      Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a join message must be base64: " + e.getMessage(), e);
    }
  }

  public static JoinMessage of(byte[] bytes) {
    return new JoinMessage(Base64.getEncoder().encodeToString(bytes));
  }

  public byte[] bytes() {
    return Base64.getDecoder().decode(base64);
  }
}
