package org.healthhub.workers;

import java.util.List;

/** The only words a delivery's verification report may say about a record that did not verify. */
public final class VerificationWords {
  public static final String NOT_ANCHORED = "its root is not anchored on DataHub";
  public static final String SIGNATURE_NOT_ANCHORED = "its signature is not the one anchored with its root";
  public static final String PROOF_INVALID = "its fields do not lead to the signed root";
  public static final String SIGNATURE_INVALID = "its group signature does not verify";
  public static final String MALFORMED = "it is malformed";

  static final List<String> ALL = List.of(NOT_ANCHORED, SIGNATURE_NOT_ANCHORED, PROOF_INVALID, SIGNATURE_INVALID,
      MALFORMED);

  private VerificationWords() {}
}
