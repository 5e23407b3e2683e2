package org.healthhub.workers.opening;

import java.util.HexFormat;
import java.util.Optional;
import org.healthhub.workers.TaskInput;

/** The variables of the open-signature flow: only ids, CIDs, digests and statuses, never who signed. */
final class OpeningVariables {
  static final String GROUP_ID = "hospitalGroupId";
  static final String PURCHASE_ID = "purchaseId";
  static final String SIGNATURE_CID = "signatureCid";
  static final String SIGNATURE_DIGEST = "signatureDigest";
  static final String SIGNED_ROOT = "signedRoot";
  static final String RESULT_CID = "openingResultCid";
  static final String RESULT_DIGEST = "openingResultDigest";
  static final String VERDICT = "openingVerdictStatus";
  static final String VERDICT_TX = "verdictTxHash";

  private OpeningVariables() {}

  static String partialCid(String roleLabel) {
    return roleLabel + "PartialOpeningCid";
  }

  static String partialStatus(String roleLabel) {
    return roleLabel + "PartialOpeningStatus";
  }

  static String approvalTx(String roleLabel) {
    return roleLabel + "ApprovalTxHash";
  }

  /** The disputed purchase, absent when a Group Manager asked for the opening. */
  static Optional<byte[]> purchaseId(TaskInput task) {
    Object value = task.variables().get(PURCHASE_ID);
    if (value == null || value instanceof String text && text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(hex32(task.requireString(PURCHASE_ID), PURCHASE_ID));
  }

  /** The requested signature's digest as lowercase hex without prefix, as partial openings carry it. */
  static String signatureDigestHex(TaskInput task) {
    return HexFormat.of().formatHex(hex32(task.requireString(SIGNATURE_DIGEST), SIGNATURE_DIGEST));
  }

  static byte[] hex32(String text, String name) {
    String digits = text.startsWith("0x") ? text.substring(2) : text;
    if (!digits.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("variable '" + name + "' is not 32 bytes of hex");
    }
    return HexFormat.of().parseHex(digits);
  }
}
