package org.healthhub.crypto.groupsig.opening;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.mcl.G1;

/**
 * One manager's partial opening of one signature: {@code P = T1·s1 + T2·s2} and a proof that the
 * same (s1, s2) are behind that manager's commitments (C1 = first·s1, C2 = second·s2), bound to the
 * scheme, the role and the signature (by the SHA-256 of its canonical export). Public: it reveals
 * nothing about the share. Export: {@code base64(JSON({"scheme", "role", "signature", "P",
 * "proof"}))}.
 */
public final class PartialOpening {
  private static final Set<String> FIELDS = Set.of("scheme", "role", "signature", "P", "proof");

  private final String scheme;
  private final ManagerRole role;
  private final String signatureDigest;
  final G1 p;
  final GeneralRepresentationProof proof;

  PartialOpening(
      String scheme,
      ManagerRole role,
      String signatureDigest,
      G1 p,
      GeneralRepresentationProof proof) {
    this.scheme = scheme;
    this.role = role;
    this.signatureDigest = signatureDigest;
    this.p = p;
    this.proof = proof;
  }

  public String scheme() {
    return scheme;
  }

  public ManagerRole role() {
    return role;
  }

  /** Lowercase hex SHA-256 of the opened signature's canonical export. */
  public String signatureDigest() {
    return signatureDigest;
  }

  public String toBase64() {
    return new Fields.Writer()
        .raw("scheme", scheme)
        .raw("role", role.label())
        .raw("signature", signatureDigest)
        .put("P", p)
        .raw("proof", proof.toBase64())
        .toBase64();
  }

  public static PartialOpening fromBase64(String base64) throws MalformedInputException {
    Fields f = Fields.readBase64("partial opening", base64, FIELDS);
    String digest = f.string("signature");
    if (!digest.matches("[0-9a-f]{64}")) {
      throw new MalformedInputException("partial opening signature digest is not 64 hex digits");
    }
    return new PartialOpening(
        f.string("scheme"),
        ManagerRole.ofLabel(f.string("role")),
        digest,
        f.g1("P"),
        GeneralRepresentationProof.fromBase64(f.string("proof")));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PartialOpening o && o.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "PartialOpening[" + scheme + ", " + role + ", " + signatureDigest + "]";
  }
}
