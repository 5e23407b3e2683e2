package org.healthhub.crypto.mcl;

/**
 * The Miller-loop line coefficients of a fixed G2 point ({@code mclBn_precomputeG2}), for keys
 * whose G2 elements appear in every verification: pairings against it skip the G2 arithmetic of
 * the Miller loop ({@link Pairing#multiPairing(G1, PrecomputedG2, G1, PrecomputedG2)}). The lines
 * (about 20 KB) are computed on first use, so keys can hold one without paying at import.
 */
public final class PrecomputedG2 {
  private static final PrecomputedG2 GENERATOR = new PrecomputedG2(G2.generator());

  private final G2 point;
  private volatile long[] lines;

  public PrecomputedG2(G2 point) {
    this.point = point;
  }

  /** The lines of pygroupsig's G2 generator. */
  public static PrecomputedG2 generator() {
    return GENERATOR;
  }

  public G2 point() {
    return point;
  }

  long[] lines() {
    long[] computed = lines;
    if (computed == null) {
      computed = new long[Mcl.mclBn_getUint64NumToPrecompute()];
      Mcl.mclBn_precomputeG2(computed, point.raw);
      lines = computed;
    }
    return computed;
  }
}
