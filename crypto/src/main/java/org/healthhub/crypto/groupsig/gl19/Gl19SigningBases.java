package org.healthhub.crypto.groupsig.gl19;

import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.mcl.G1;

/**
 * What a member's signatures share, computed once per member key and group ({@code g1}, {@code
 * h}): the pseudonym {@code h·y}, {@code C = g1 + H + h2s + h3d}, {@code B = C − A·x} and the
 * proof's public {@code g1 + h3d}. Since {@code A·(isk + x) = C}, {@code B = A·isk}, so {@code A_ =
 * AA·(−x) + C·r1 = B·r1} is one multiplication and {@code d = C·r1 − h2·r2} a two-term sum
 * (B and C through their fixed-base tables).
 */
record Gl19SigningBases(G1 g1, G1 h, G1 pseudonym, LazyFixedBase c, LazyFixedBase b, G1 g1h3d) {
  static Gl19SigningBases of(Gl19MemberKey member, G1 g1, G1 h) {
    G1 c = g1.add(member.bigH).add(member.h2s).add(member.h3d);
    return new Gl19SigningBases(
        g1,
        h,
        h.mul(member.y),
        new LazyFixedBase(c),
        new LazyFixedBase(c.sub(member.bigA.mul(member.x))),
        g1.add(member.h3d));
  }

  boolean madeFor(G1 otherG1, G1 otherH) {
    return g1.equals(otherG1) && h.equals(otherH);
  }
}
