package org.healthhub.crypto.groupsig.bbs04;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.LazyPowerTable;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.GT;

/** A BBS04 member key: the secret x, the credential A = g1·(gamma + x)⁻¹ and Ag2 = e(A, g2). */
public final class Bbs04MemberKey implements MemberKey {
  private static final Set<String> FIELDS = Set.of("x", "A", "Ag2");

  final Fr x;
  final G1 a;
  final GT ag2;
  final LazyPowerTable ag2Powers;

  Bbs04MemberKey(Fr x, G1 a, GT ag2) {
    this.x = x;
    this.a = a;
    this.ag2 = ag2;
    this.ag2Powers = new LazyPowerTable(ag2);
  }

  @Override
  public String scheme() {
    return Bbs04.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields = new Fields.Writer().put("x", x).put("A", a).put("Ag2", ag2);
    return Containers.exportKey(Bbs04.NAME, "member", fields);
  }

  static Bbs04MemberKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Bbs04.NAME), "member", FIELDS);
    return new Bbs04MemberKey(
        f.fr("x"), f.g1("A").requireNonZero("bbs04 member key A"), f.gt("Ag2"));
  }

  @Override
  public String toString() {
    return "Bbs04MemberKey[secret]";
  }
}
