package org.healthhub.crypto.groupsig.dl21;

import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * DL21 member key: the credential {@code A = (H + h2·s + g1)·(isk + x)⁻¹} with {@code x},
 * {@code s}, the secret {@code y}, {@code H = h1·y} and {@code h2s = h2·s}. Until the join's last
 * step only {@code y} and {@code H} are set (a partial key).
 */
public final class Dl21MemberKey implements MemberKey {
  /** The FIELDS of the export, in order (dl21seq appends its own). */
  public static final List<String> FIELD_ORDER = List.of("A", "x", "y", "s", "H", "h2s");

  final G1 a;
  final Fr x;
  final Fr y;
  final Fr s;
  final G1 bigH;
  final G1 h2s;
  // derived values every signature of this key shares (public, or h-multiples of the secret y)
  private volatile SigningBases signingBases;
  private volatile Pseudonym pseudonym;
  final LazyFixedBase aTable;

  Dl21MemberKey(G1 a, Fr x, Fr y, Fr s, G1 bigH, G1 h2s) {
    this.a = a;
    this.x = x;
    this.y = y;
    this.s = s;
    this.bigH = bigH;
    this.h2s = h2s;
    this.aTable = new LazyFixedBase(a);
  }

  /** Whether the join finished, so the key can sign. */
  public boolean complete() {
    return !a.isZero();
  }

  /** {@link SigningBases} for the group generator {@code g1}, computed on first use. */
  SigningBases signingBases(G1 g1) {
    SigningBases known = signingBases;
    if (known == null || !known.g1().equals(g1)) {
      known = SigningBases.of(this, g1);
      signingBases = known;
    }
    return known;
  }

  /** This member's pseudonym in {@code scope}; the last scope's is remembered. */
  Pseudonym pseudonym(String scope) throws MalformedInputException {
    Pseudonym known = pseudonym;
    if (known == null || !known.scope().equals(scope)) {
      LazyFixedBase base = ScopeBases.of(scope);
      known = new Pseudonym(scope, base, base.base().mul(y));
      pseudonym = known;
    }
    return known;
  }

  @Override
  public String scheme() {
    return Dl21.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(Dl21.NAME, "member", writeFields(new Fields.Writer()));
  }

  /** Writes this key's FIELDS in pygroupsig's order. */
  public Fields.Writer writeFields(Fields.Writer out) {
    return out.put("A", a).put("x", x).put("y", y).put("s", s).put("H", bigH).put("h2s", h2s);
  }

  /** Reads this key's FIELDS out of a member key export (dl21seq's holds more). */
  public static Dl21MemberKey readFields(Fields f) throws MalformedInputException {
    return new Dl21MemberKey(f.g1("A"), f.fr("x"), f.fr("y"), f.fr("s"), f.g1("H"), f.g1("h2s"));
  }

  static Dl21MemberKey fromBase64(String base64) throws MalformedInputException {
    return readFields(
        Containers.importKey(base64, Set.of(Dl21.NAME), "member", Set.copyOf(FIELD_ORDER)));
  }

  @Override
  public String toString() {
    return "Dl21MemberKey[secret hidden]";
  }
}
