package org.healthhub.crypto.groupsig.dl21;

import org.healthhub.crypto.mcl.G1;

/**
 * What a member's signatures share, computed once per member key (and per group generator g1):
 * {@code C = g1 + H + h2s} and {@code B = C − A·x}. Since {@code A·(isk + x) = C}, {@code B = A·isk},
 * so {@code A_ = AA·(−x) + C·r1 = B·r1} is one multiplication and {@code d = C·r1 − h2·r2} one
 * two-term multi-scalar multiplication.
 */
record SigningBases(G1 g1, G1 c, G1 b) {
  static SigningBases of(Dl21MemberKey member, G1 g1) {
    G1 c = g1.add(member.bigH).add(member.h2s);
    return new SigningBases(g1, c, c.sub(member.a.mul(member.x)));
  }
}
