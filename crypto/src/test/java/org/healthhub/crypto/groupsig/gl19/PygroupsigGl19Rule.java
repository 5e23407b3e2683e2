package org.healthhub.crypto.groupsig.gl19;

import org.healthhub.crypto.MalformedInputException;

/**
 * pygroupsig's GL19 verify, as a test oracle: the SPK over {@code expiration|message} and nothing
 * else (no issuer equation, no {@code AA ≠ 0}, no clock). Our verify runs the same SPK first.
 */
final class PygroupsigGl19Rule {
  private PygroupsigGl19Rule() {}

  static boolean accepts(String message, Gl19Signature signature, Gl19GroupKey group)
      throws MalformedInputException {
    return Gl19.proofVerifies(message, signature, group);
  }
}
