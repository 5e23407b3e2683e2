package org.healthhub.crypto.groupsig.klap20;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * KLAP20 member key: the secret {@code alpha}, {@code u = HG1(SHA-256(ser(g·alpha)))},
 * {@code w = u·alpha} and the manager's {@code v = u·x + w·y} (the identity until the join's
 * last step: a partial key).
 */
public final class Klap20MemberKey implements MemberKey {
  private static final Set<String> FIELDS = Set.of("alpha", "u", "v", "w");

  final Fr alpha;
  final G1 u;
  final G1 v;
  final G1 w;
  final LazyFixedBase uTable;
  final LazyFixedBase vTable;
  final LazyFixedBase wTable;

  Klap20MemberKey(Fr alpha, G1 u, G1 v, G1 w) {
    this.alpha = alpha;
    this.u = u;
    this.v = v;
    this.w = w;
    this.uTable = new LazyFixedBase(u);
    this.vTable = new LazyFixedBase(v);
    this.wTable = new LazyFixedBase(w);
  }

  boolean complete() {
    return !v.isZero() && !u.isZero();
  }

  @Override
  public String scheme() {
    return Klap20.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Klap20.NAME,
        "member",
        new Fields.Writer().put("alpha", alpha).put("u", u).put("v", v).put("w", w));
  }

  static Klap20MemberKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Klap20.NAME), "member", FIELDS);
    return new Klap20MemberKey(f.fr("alpha"), f.g1("u"), f.g1("v"), f.g1("w"));
  }

  @Override
  public String toString() {
    return "Klap20MemberKey[secret hidden]";
  }
}
