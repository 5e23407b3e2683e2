package org.healthhub.crypto.groupsig.gl19;

import java.util.List;
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
   * The signer's commitments {@code P_j = Σ g_b·ρ_a} for randomness {@code rho} (one per witness),
   * relation by relation as above: the same sums as the representation's, single products of g
   * from its fixed-base table.
   */
  List<Point> signerCommitments(List<Fr> rho) {
    return List.of(
        Point.of(group.gTable.mul(rho.get(5))),
        Point.of(G1.mulVec(List.of(group.cpk, group.h), List.of(rho.get(5), rho.get(1)))),
        Point.of(G1.mulVec(List.of(bigAA, group.h2), List.of(rho.get(0), rho.get(2)))),
        Point.of(G1.mulVec(List.of(d, group.h2, group.h1), List.of(rho.get(3), rho.get(4), rho.get(6)))),
        Point.of(group.gTable.mul(rho.get(7))),
        Point.of(G1.mulVec(List.of(group.epk, group.h), List.of(rho.get(7), rho.get(1)))));
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
