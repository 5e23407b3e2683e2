package org.healthhub.crypto.groupsig.bbs04;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.batch.CommittedExport;
import org.healthhub.crypto.groupsig.batch.CommittedSignature;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.GT;

/**
 * A BBS04 signature with the commitments R1..R5 its challenge hashes: {@code base64(JSON({"scheme":
 * "bbs04", "signature": <pygroupsig export>, "R1", "R2", "R3", "R4", "R5"}))}, G1 and GT elements
 * in mcl's base64 as everywhere else.
 */
public final class Bbs04CommittedSignature implements CommittedSignature {
  private static final Set<String> COMMITMENTS = Set.of("R1", "R2", "R3", "R4", "R5");

  final Bbs04Signature signature;
  final G1 r1;
  final G1 r2;
  final GT r3;
  final G1 r4;
  final G1 r5;

  Bbs04CommittedSignature(Bbs04Signature signature, G1 r1, G1 r2, GT r3, G1 r4, G1 r5) {
    this.signature = signature;
    this.r1 = r1;
    this.r2 = r2;
    this.r3 = r3;
    this.r4 = r4;
    this.r5 = r5;
  }

  @Override
  public GroupSignature signature() {
    return signature;
  }

  @Override
  public String toBase64() {
    return CommittedExport.writer(Bbs04.NAME, signature)
        .put("R1", r1)
        .put("R2", r2)
        .put("R3", r3)
        .put("R4", r4)
        .put("R5", r5)
        .toBase64();
  }

  static Bbs04CommittedSignature fromBase64(String base64) throws MalformedInputException {
    Fields f = CommittedExport.read(Bbs04.NAME, base64, COMMITMENTS);
    return new Bbs04CommittedSignature(
        Bbs04Signature.fromBase64(f.string("signature")),
        f.g1("R1"),
        f.g1("R2"),
        f.gt("R3"),
        f.g1("R4"),
        f.g1("R5"));
  }

  @Override
  public String toString() {
    return "Bbs04CommittedSignature";
  }
}
