package org.healthhub.crypto.groupsig.dl21;

import java.util.List;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.spk.Point;
import org.healthhub.crypto.groupsig.spk.Representation;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * What a DL21 signature proves, over witnesses {@code X = [−x, y, r2, r3, ss, −y]}:
 * {@code nym = hscp·y}; {@code A_ − d = AA·(−x) + h2·r2}; {@code g1 = d·r3 + h2·ss + h1·(−y)}.
 * The commitments are computed here with the fixed bases' tables; they are the representation's
 * sums exactly (the vectors' replays check it byte for byte).
 */
record Dl21Statement(Dl21GroupKey group, LazyFixedBase hscp, G1 nym, G1 aa, G1 aBar, G1 d) {
  private static final List<Representation.Pair> PAIRS =
      Representation.pairs(new int[][] {{1, 0}, {0, 1}, {2, 2}, {3, 3}, {4, 2}, {5, 4}});
  private static final List<Integer> GROUP_SIZES = List.of(1, 2, 3);

  Representation representation() {
    return new Representation(
        List.of(Point.of(nym), Point.of(aBar.sub(d)), Point.of(group.g1)),
        List.of(Point.of(hscp.base()), Point.of(aa), Point.of(group.h2), Point.of(d), Point.of(group.h1)),
        PAIRS,
        GROUP_SIZES);
  }

  /**
   * The signer's {@code P_j = Σ g_b·ρ_a}, with {@code AA = A·r1} and {@code d = C·r1 − h2·r2}
   * substituted so that every product is of a fixed base: {@code P2 = A·(r1·ρ0) + h2·ρ2},
   * {@code P3 = C·(r1·ρ3) + h2·(ρ4 − r2·ρ3) + h1·ρ5}.
   */
  List<Point> signerCommitments(List<Fr> rho, LazyFixedBase a, LazyFixedBase c, Fr r1, Fr r2) {
    return List.of(
        Point.of(hscp.mul(rho.get(1))),
        Point.of(a.mul(r1.mul(rho.get(0))).add(group.h2Table.mul(rho.get(2)))),
        Point.of(
            c.mul(r1.mul(rho.get(3)))
                .add(group.h2Table.mul(rho.get(4).sub(r2.mul(rho.get(3)))))
                .add(group.h1Table.mul(rho.get(5)))));
  }

  /** The verifier's {@code P_j = y_j·c + Σ g_b·s_a}: fixed bases from tables, the rest one MSM each. */
  List<Point> verifierCommitments(List<Fr> s, Fr c) {
    G1 aBarMinusD = aBar.sub(d);
    return List.of(
        Point.of(nym.mul(c).add(hscp.mul(s.get(1)))),
        Point.of(G1.mulVec(List.of(aBarMinusD, aa), List.of(c, s.get(0))).add(group.h2Table.mul(s.get(2)))),
        Point.of(
            d.mul(s.get(3))
                .add(group.g1Table.mul(c))
                .add(group.h2Table.mul(s.get(4)))
                .add(group.h1Table.mul(s.get(5)))));
  }
}
