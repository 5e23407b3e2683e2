package org.healthhub.workers.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The public process variables of the record flows, and the digests they carry. */
public final class RecordVariables {

  public static final String RECORD_ID = "recordId";
  public static final String PATIENT_ID = "patientId";
  public static final String DOCTOR_ID = "doctorId";
  public static final String GROUP_ID = "hospitalGroupId";
  public static final String INTAKE_CID = "intakeCid";
  public static final String MERKLE_ROOT = "merkleRoot";
  public static final String SIGNATURE_CID = "signatureCid";
  public static final String SIGNATURE_DIGEST = "signatureDigest";
  public static final String RECORD_CID = "recordCid";
  public static final String ANCHOR_TX_HASH = "anchorTxHash";

  /** Business outcomes of store-record, caught by boundary events. */
  public static final String RECORD_INVALID = "RECORD_INVALID";
  public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
  public static final String NOT_A_MEMBER = "NOT_A_MEMBER";
  public static final String ANCHOR_REFUSED = "ANCHOR_REFUSED";

  private RecordVariables() {}

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  public static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
  }
}
