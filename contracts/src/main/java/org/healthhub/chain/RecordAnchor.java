package org.healthhub.chain;

import java.util.Arrays;
import org.web3j.crypto.WalletUtils;

/**
 * What the chain anchors for one record: its Merkle root (the record id), the sha2-256 digest inside
 * its CIDv0, the digest of its group signature, and the patient who owns it.
 */
public record RecordAnchor(byte[] root, byte[] cidDigest, byte[] signatureDigest, String patient) {
  /** @throws IllegalArgumentException naming the field that is not 32 non-zero bytes or not an address */
  public RecordAnchor {
    root = Bytes32.requireNonZero("root", root);
    cidDigest = Bytes32.requireNonZero("cidDigest", cidDigest);
    signatureDigest = Bytes32.requireNonZero("signatureDigest", signatureDigest);
    if (patient == null || !WalletUtils.isValidAddress(patient) || patient.replace("0x", "").matches("0+")) {
      throw new IllegalArgumentException("patient must be a non-zero 20-byte hex address, got " + patient);
    }
    patient = patient.toLowerCase();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  @Override
  public byte[] cidDigest() {
    return cidDigest.clone();
  }

  @Override
  public byte[] signatureDigest() {
    return signatureDigest.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordAnchor that
        && Arrays.equals(root, that.root)
        && Arrays.equals(cidDigest, that.cidDigest)
        && Arrays.equals(signatureDigest, that.signatureDigest)
        && patient.equals(that.patient);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(root);
  }

  @Override
  public String toString() {
    return "RecordAnchor[root=" + Bytes32.hex(root) + ", patient=" + patient + "]";
  }
}
