package org.healthhub.crypto.mcl;

/**
 * A fixed point of G2 ready for many multiplications ({@link G2#precompute()}): with the bundled
 * library, a table of multiples of the base (built once, about 160 KB off-heap) makes
 * {@link #mul(Fr)} faster than {@link G2#mul(Fr)}; with a native herumi mcl (which
 * has no such tables) {@link #mul(Fr)} is {@link G2#mul(Fr)}. Both give the same point.
 *
 * <p>Immutable and safe to share between threads. Building the table costs about 1.8 ms of CPU
 * (about 15 to 20 plain multiplications): worth it for bases multiplied again and again, such as
 * generators and group-key elements.
 */
public final class FixedBaseG2 extends FixedBase<G2> {
  FixedBaseG2(G2 base, boolean useTable) {
    super(base, FixedBaseTable.G2, useTable);
  }

  /** The table of pygroupsig's generator ({@link G2#generator()}), built on first use and shared. */
  public static FixedBaseG2 generator() {
    return Generator.TABLE;
  }

  private static final class Generator {
    static final FixedBaseG2 TABLE = G2.generator().precompute();
  }
}
