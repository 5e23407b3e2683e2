package org.healthhub.crypto.groupsig.cpy06;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.PrecomputedGT;

/**
 * A CPY06 member key: the secret x, and t, A = (g1·x + q)·(gamma + t)⁻¹ from the manager. While the
 * join runs (after the member's phase 2 message) t is zero and A the identity, as pygroupsig leaves
 * them; such a partial key can be exported and imported but not sign.
 */
public final class Cpy06MemberKey implements MemberKey {
  private static final Set<String> FIELDS = Set.of("x", "t", "A");

  final Fr x;
  final Fr t;
  final G1 a;
  // e(A, g2), constant per key: sign uses it in place of a pairing per signature
  private volatile PrecomputedGT ag2;

  Cpy06MemberKey(Fr x, Fr t, G1 a) {
    this.x = x;
    this.t = t;
    this.a = a;
  }

  /** {@code e(A, g2)} with its power table, both computed at the first signature. */
  PrecomputedGT ag2Powers() {
    PrecomputedGT cached = ag2;
    if (cached == null) {
      cached = Pairing.pairing(a, G2.generator()).precompute();
      ag2 = cached;
    }
    return cached;
  }

  boolean isComplete() {
    return !a.isZero();
  }

  @Override
  public String scheme() {
    return Cpy06.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields = new Fields.Writer().put("x", x).put("t", t).put("A", a);
    return Containers.exportKey(Cpy06.NAME, "member", fields);
  }

  static Cpy06MemberKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Cpy06.NAME), "member", FIELDS);
    return new Cpy06MemberKey(f.fr("x"), f.fr("t"), f.g1("A"));
  }

  @Override
  public String toString() {
    return "Cpy06MemberKey[secret]";
  }
}
