package org.healthhub.crypto.mcl;

import java.util.List;

/**
 * mcl's optimal-ate pairing on BLS12-381. mcl's final exponentiation yields the cube of the
 * textbook reduced pairing; pygroupsig's data is made with mcl's value, and so is this.
 */
public final class Pairing {
  private Pairing() {}

  /** e(p, q); e(0, q) = e(p, 0) = 1. */
  public static GT pairing(G1 p, G2 q) {
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBn_pairing, p.raw, q.raw));
  }

  /**
   * Π e(ps[i], qs[i]) with one final exponentiation ({@code mclBn_millerLoopVec} then {@code
   * mclBn_finalExp}); equal to the product of the single pairings, cheaper. Empty lists give 1.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static GT multiPairing(List<G1> ps, List<G2> qs) {
    if (ps.size() != qs.size()) {
      throw new IllegalArgumentException(
          "multiPairing: " + ps.size() + " G1 points but " + qs.size() + " G2 points");
    }
    if (ps.isEmpty()) {
      return GT.one();
    }
    byte[] miller = new byte[Mcl.GT_STRUCT];
    Mcl.mclBn_millerLoopVec(
        miller,
        PointOps.concat(ps, Mcl.G1_STRUCT, p -> p.raw),
        PointOps.concat(qs, Mcl.G2_STRUCT, q -> q.raw),
        ps.size());
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBn_finalExp, miller));
  }

  /**
   * {@code e(p1, q1)·e(p2, q2)} with the lines of q1 and q2 precomputed: the same value as {@link
   * #multiPairing(List, List)} of those points, cheaper.
   */
  public static GT multiPairing(G1 p1, PrecomputedG2 q1, G1 p2, PrecomputedG2 q2) {
    byte[] miller = new byte[Mcl.GT_STRUCT];
    Mcl.mclBn_precomputedMillerLoop2(miller, p1.raw, q1.lines(), p2.raw, q2.lines());
    return new GT(Mcl.call(Mcl.GT_STRUCT, Mcl::mclBn_finalExp, miller));
  }
}
