package org.healthhub.crypto.groupsig.cpy06;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.batch.CommittedExport;
import org.healthhub.crypto.groupsig.batch.CommittedSignature;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.GT;

/**
 * A CPY06 signature with the commitments B1..B6 its challenge hashes: {@code base64(JSON({"scheme":
 * "cpy06", "signature": <pygroupsig export>, "B1", "B2", "B3", "B4", "B5", "B6"}))}.
 */
public final class Cpy06CommittedSignature implements CommittedSignature {
  private static final Set<String> COMMITMENTS = Set.of("B1", "B2", "B3", "B4", "B5", "B6");

  final Cpy06Signature signature;
  final G1 b1;
  final G1 b2;
  final G1 b3;
  final G1 b4;
  final GT b5;
  final GT b6;

  Cpy06CommittedSignature(Cpy06Signature signature, G1 b1, G1 b2, G1 b3, G1 b4, GT b5, GT b6) {
    this.signature = signature;
    this.b1 = b1;
    this.b2 = b2;
    this.b3 = b3;
    this.b4 = b4;
    this.b5 = b5;
    this.b6 = b6;
  }

  @Override
  public GroupSignature signature() {
    return signature;
  }

  @Override
  public String toBase64() {
    return CommittedExport.writer(Cpy06.NAME, signature)
        .put("B1", b1)
        .put("B2", b2)
        .put("B3", b3)
        .put("B4", b4)
        .put("B5", b5)
        .put("B6", b6)
        .toBase64();
  }

  static Cpy06CommittedSignature fromBase64(String base64) throws MalformedInputException {
    Fields f = CommittedExport.read(Cpy06.NAME, base64, COMMITMENTS);
    return new Cpy06CommittedSignature(
        Cpy06Signature.fromBase64(f.string("signature")),
        f.g1("B1"),
        f.g1("B2"),
        f.g1("B3"),
        f.g1("B4"),
        f.gt("B5"),
        f.gt("B6"));
  }

  @Override
  public String toString() {
    return "Cpy06CommittedSignature";
  }
}
