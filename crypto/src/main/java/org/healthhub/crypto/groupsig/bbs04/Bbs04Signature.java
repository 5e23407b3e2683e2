package org.healthhub.crypto.groupsig.bbs04;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * A BBS04 signature: the linear encryption (T1, T2, T3) of the signer's A under (u, v, h) and the
 * Fiat-Shamir proof (c, salpha, sbeta, sx, sdelta1, sdelta2).
 */
public final class Bbs04Signature implements GroupSignature {
  private static final Set<String> FIELDS =
      Set.of("T1", "T2", "T3", "c", "salpha", "sbeta", "sx", "sdelta1", "sdelta2");

  final G1 t1;
  final G1 t2;
  final G1 t3;
  final Fr c;
  final Fr salpha;
  final Fr sbeta;
  final Fr sx;
  final Fr sdelta1;
  final Fr sdelta2;

  Bbs04Signature(G1 t1, G1 t2, G1 t3, Fr c, Fr salpha, Fr sbeta, Fr sx, Fr sdelta1, Fr sdelta2) {
    this.t1 = t1;
    this.t2 = t2;
    this.t3 = t3;
    this.c = c;
    this.salpha = salpha;
    this.sbeta = sbeta;
    this.sx = sx;
    this.sdelta1 = sdelta1;
    this.sdelta2 = sdelta2;
  }

  @Override
  public String scheme() {
    return Bbs04.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer()
            .put("T1", t1)
            .put("T2", t2)
            .put("T3", t3)
            .put("c", c)
            .put("salpha", salpha)
            .put("sbeta", sbeta)
            .put("sx", sx)
            .put("sdelta1", sdelta1)
            .put("sdelta2", sdelta2);
    return Containers.exportSignature(Bbs04.NAME, fields);
  }

  static Bbs04Signature fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("bbs04 signature", base64, Set.of(Bbs04.NAME), FIELDS);
    return new Bbs04Signature(
        f.g1("T1"),
        f.g1("T2"),
        f.g1("T3"),
        f.fr("c"),
        f.fr("salpha"),
        f.fr("sbeta"),
        f.fr("sx"),
        f.fr("sdelta1"),
        f.fr("sdelta2"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bbs04Signature signature && signature.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "Bbs04Signature";
  }
}
