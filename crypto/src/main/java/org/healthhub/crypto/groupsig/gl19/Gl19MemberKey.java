package org.healthhub.crypto.groupsig.gl19;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * GL19 member key: the secret {@code y} with {@code H = h1·y}, the credential
 * {@code A = (H + h2·s + h3·d + g1)·(isk + x)⁻¹} with {@code x, s}, the expiration {@code l}
 * (Unix seconds) and {@code d = Chal(decimal(l))}, and the cached {@code h2s = h2·s},
 * {@code h3d = h3·d}. While the join runs it is partial: {@code A} is the identity and {@code l}
 * is -1, as pygroupsig leaves them.
 */
public final class Gl19MemberKey implements MemberKey {
  private static final Set<String> FIELDS = Set.of("A", "x", "y", "s", "l", "d", "H", "h2s", "h3d");

  final G1 bigA;
  final Fr x;
  final Fr y;
  final Fr s;
  final long l;
  final Fr d;
  final G1 bigH;
  final G1 h2s;
  final G1 h3d;
  // shared by every signature of this key (public values, and the pseudonym h·y)
  private volatile Gl19SigningBases signingBases;
  final LazyFixedBase bigATable;

  Gl19MemberKey(G1 bigA, Fr x, Fr y, Fr s, long l, Fr d, G1 bigH, G1 h2s, G1 h3d) {
    this.bigA = bigA;
    this.x = x;
    this.y = y;
    this.s = s;
    this.l = l;
    this.d = d;
    this.bigH = bigH;
    this.h2s = h2s;
    this.h3d = h3d;
    this.bigATable = new LazyFixedBase(bigA);
  }

  /** After the member's first join step: only {@code y} and {@code H} are set. */
  static Gl19MemberKey partial(Fr y, G1 bigH) {
    return new Gl19MemberKey(
        G1.zero(), Fr.zero(), y, Fr.zero(), -1, Fr.zero(), bigH, G1.zero(), G1.zero());
  }

  boolean complete() {
    return !bigA.isZero();
  }

  /** {@link Gl19SigningBases} for the group's {@code g1} and {@code h}, computed on first use. */
  Gl19SigningBases signingBases(G1 g1, G1 h) {
    Gl19SigningBases known = signingBases;
    if (known == null || !known.madeFor(g1, h)) {
      known = Gl19SigningBases.of(this, g1, h);
      signingBases = known;
    }
    return known;
  }

  @Override
  public String scheme() {
    return Gl19.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Gl19.NAME,
        "member",
        new Fields.Writer()
            .put("A", bigA)
            .put("x", x)
            .put("y", y)
            .put("s", s)
            .putInteger("l", l)
            .put("d", d)
            .put("H", bigH)
            .put("h2s", h2s)
            .put("h3d", h3d));
  }

  static Gl19MemberKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Gl19.NAME), "member", FIELDS);
    return new Gl19MemberKey(
        f.g1("A"),
        f.fr("x"),
        f.fr("y"),
        f.fr("s"),
        f.integer("l"),
        f.fr("d"),
        f.g1("H"),
        f.g1("h2s"),
        f.g1("h3d"));
  }

  @Override
  public String toString() {
    return "Gl19MemberKey[secret hidden]";
  }
}
