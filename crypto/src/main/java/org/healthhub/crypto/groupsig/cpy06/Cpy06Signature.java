package org.healthhub.crypto.groupsig.cpy06;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;

/**
 * A CPY06 signature: the linear encryption (T1, T2, T3) of A under (X, Y, z), the tracing pair T4 =
 * w·r3, T5 = e1^(r3·x), and the proof (c, sr1, sr2, sd1, sd2, sx, st).
 */
public final class Cpy06Signature implements GroupSignature {
  private static final Set<String> FIELDS =
      Set.of("T1", "T2", "T3", "T4", "T5", "c", "sr1", "sr2", "sd1", "sd2", "sx", "st");

  final G1 t1;
  final G1 t2;
  final G1 t3;
  final G2 t4;
  final GT t5;
  final Fr c;
  final Fr sr1;
  final Fr sr2;
  final Fr sd1;
  final Fr sd2;
  final Fr sx;
  final Fr st;

  Cpy06Signature(
      G1 t1, G1 t2, G1 t3, G2 t4, GT t5, Fr c, Fr sr1, Fr sr2, Fr sd1, Fr sd2, Fr sx, Fr st) {
    this.t1 = t1;
    this.t2 = t2;
    this.t3 = t3;
    this.t4 = t4;
    this.t5 = t5;
    this.c = c;
    this.sr1 = sr1;
    this.sr2 = sr2;
    this.sd1 = sd1;
    this.sd2 = sd2;
    this.sx = sx;
    this.st = st;
  }

  @Override
  public String scheme() {
    return Cpy06.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer()
            .put("T1", t1)
            .put("T2", t2)
            .put("T3", t3)
            .put("T4", t4)
            .put("T5", t5)
            .put("c", c)
            .put("sr1", sr1)
            .put("sr2", sr2)
            .put("sd1", sd1)
            .put("sd2", sd2)
            .put("sx", sx)
            .put("st", st);
    return Containers.exportSignature(Cpy06.NAME, fields);
  }

  static Cpy06Signature fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importSignature("cpy06 signature", base64, Set.of(Cpy06.NAME), FIELDS);
    return new Cpy06Signature(
        f.g1("T1"),
        f.g1("T2"),
        f.g1("T3"),
        f.g2("T4"),
        f.gt("T5"),
        f.fr("c"),
        f.fr("sr1"),
        f.fr("sr2"),
        f.fr("sd1"),
        f.fr("sd2"),
        f.fr("sx"),
        f.fr("st"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cpy06Signature signature && signature.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "Cpy06Signature";
  }
}
