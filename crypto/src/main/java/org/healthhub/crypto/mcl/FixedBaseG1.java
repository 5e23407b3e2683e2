package org.healthhub.crypto.mcl;

/**
 * A fixed point of G1 ready for many multiplications ({@link G1#precompute()}): with the bundled
 * library, a table of multiples of the base (built once, about 80 KB off-heap) makes
 * {@link #mul(Fr)} faster than {@link G1#mul(Fr)}; with a native herumi mcl (which
 * has no such tables) {@link #mul(Fr)} is {@link G1#mul(Fr)}. Both give the same point.
 *
 * <p>Immutable and safe to share between threads. Building the table costs about 0.8 ms of CPU
 * (about 15 to 20 plain multiplications): worth it for bases multiplied again and again, such as
 * generators and group-key elements.
 */
public final class FixedBaseG1 extends FixedBase<G1> {
  FixedBaseG1(G1 base, boolean useTable) {
    super(base, FixedBaseTable.G1, useTable);
  }

  /** The table of pygroupsig's generator ({@link G1#generator()}), built on first use and shared. */
  public static FixedBaseG1 generator() {
    return Generator.TABLE;
  }

  private static final class Generator {
    static final FixedBaseG1 TABLE = G1.generator().precompute();
  }
}
