package org.healthhub.crypto.groupsig.gl19;

import java.util.List;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.spk.Point;
import org.healthhub.crypto.groupsig.spk.Representation;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * What a GL19 signature proves, over witnesses {@code X = [−x, y, r2, r3, ss, α, −y, α2]}:
 * {@code nym1 = g·α}; {@code nym2 = cpk·α + h·y}; {@code A_ − d = AA·(−x) + h2·r2};
 * {@code g1 + h3d = d·r3 + h2·ss + h1·(−y)}; {@code ehy1 = g·α2}; {@code ehy2 = epk·α2 + h·y}.
 */
record Gl19Statement(
    Gl19GroupKey group,
    G1 bigAA,
    G1 bigAbar,
    G1 d,
    G1 nym1,
    G1 nym2,
    G1 ehy1,
    G1 ehy2,
    G1 g1h3d) {

  private static final List<Representation.Pair> PAIRS =
      Representation.pairs(
          new int[][] {
            {5, 0}, {5, 1}, {1, 2}, {0, 3}, {2, 4}, {3, 5}, {4, 4}, {6, 6}, {7, 0}, {7, 7}, {1, 2}
          });
  private static final List<Integer> GROUP_SIZES = List.of(1, 2, 2, 3, 1, 2);

  /**
   * The signer's {@code P_j = Σ g_b·ρ_a} (one ρ per witness), with {@code AA = A·r1} and {@code d =
   * C·r1 − h2·r2} substituted so that every product is of a fixed base, from its table:
   * {@code P3 = A·(r1·ρ0) + h2·ρ2}, {@code P4 = C·(r1·ρ3) + h2·(ρ4 − r2·ρ3) + h1·ρ6}.
   */
  List<Point> signerCommitments(List<Fr> rho, LazyFixedBase a, LazyFixedBase c, Fr r1, Fr r2) {
    G1 hRho1 = group.hTable.mul(rho.get(1));
    return List.of(
        Point.of(group.gTable.mul(rho.get(5))),
        Point.of(group.cpkTable.mul(rho.get(5)).add(hRho1)),
        Point.of(a.mul(r1.mul(rho.get(0))).add(group.h2Table.mul(rho.get(2)))),
        Point.of(
            c.mul(r1.mul(rho.get(3)))
                .add(group.h2Table.mul(rho.get(4).sub(r2.mul(rho.get(3)))))
                .add(group.h1Table.mul(rho.get(6)))),
        Point.of(group.gTable.mul(rho.get(7))),
        Point.of(group.epkTable.mul(rho.get(7)).add(hRho1)));
  }

  /**
   * The verifier's {@code P_j = y_j·c + Σ g_b·s_a}: products of the group key's points from their
   * tables, of the signature's points one MSM per relation.
   */
  List<Point> verifierCommitments(List<Fr> s, Fr c) {
    G1 hS1 = group.hTable.mul(s.get(1));
    return List.of(
        Point.of(nym1.mul(c).add(group.gTable.mul(s.get(5)))),
        Point.of(nym2.mul(c).add(group.cpkTable.mul(s.get(5))).add(hS1)),
        Point.of(G1.mulVec(List.of(bigAbar.sub(d), bigAA), List.of(c, s.get(0))).add(group.h2Table.mul(s.get(2)))),
        Point.of(
            G1.mulVec(List.of(g1h3d, d), List.of(c, s.get(3)))
                .add(group.h2Table.mul(s.get(4)))
                .add(group.h1Table.mul(s.get(6)))),
        Point.of(ehy1.mul(c).add(group.gTable.mul(s.get(7)))),
        Point.of(ehy2.mul(c).add(group.epkTable.mul(s.get(7))).add(hS1)));
  }

  Representation representation() {
    List<Point> publics =
        List.of(
            Point.of(nym1),
            Point.of(nym2),
            Point.of(bigAbar.sub(d)),
            Point.of(g1h3d),
            Point.of(ehy1),
            Point.of(ehy2));
    List<Point> bases =
        List.of(
            Point.of(group.g),
            Point.of(group.cpk),
            Point.of(group.h),
            Point.of(bigAA),
            Point.of(group.h2),
            Point.of(d),
            Point.of(group.h1),
            Point.of(group.epk));
    return new Representation(publics, bases, PAIRS, GROUP_SIZES);
  }
}
