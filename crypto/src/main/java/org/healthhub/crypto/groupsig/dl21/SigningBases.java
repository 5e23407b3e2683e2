package org.healthhub.crypto.groupsig.dl21;

import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.mcl.G1;

/**
 * What a member's signatures share, computed once per member key (and per group generator g1):
 * {@code C = g1 + H + h2s} and {@code B = C − A·x}. Since {@code A·(isk + x) = C}, {@code B = A·isk},
 * so {@code A_ = AA·(−x) + C·r1 = B·r1} is one multiplication and {@code d = C·r1 − h2·r2} one
 * two-term sum; both through fixed-base tables.
 */
record SigningBases(G1 g1, LazyFixedBase c, LazyFixedBase b) {
  static SigningBases of(Dl21MemberKey member, G1 g1) {
    G1 c = g1.add(member.bigH).add(member.h2s);
    return new SigningBases(g1, new LazyFixedBase(c), new LazyFixedBase(c.sub(member.a.mul(member.x))));
  }
}
