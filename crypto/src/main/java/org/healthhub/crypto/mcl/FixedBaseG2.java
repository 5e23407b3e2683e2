package org.healthhub.crypto.mcl;

/**
 * A fixed point of G2 ready for many multiplications ({@link G2#precompute()}): with the bundled
 * library, a table of multiples of the base (built once, about 160 KB off-heap) makes
 * {@link #mul(Fr)} faster than {@link G2#mul(Fr)}; with a native herumi mcl (which
 * has no such tables) {@link #mul(Fr)} is {@link G2#mul(Fr)}. Both give the same point.
 *
 * <p>Immutable and safe to share between threads. Worth it for bases multiplied again and again:
 * generators and group-key elements.
 */
public final class FixedBaseG2 {
  private final G2 base;
  private final FixedBaseTable table;

  FixedBaseG2(G2 base, boolean useTable) {
    this.base = base;
    this.table = useTable ? FixedBaseTable.build(FixedBaseTable.G2, base.raw) : null;
  }

  public G2 base() {
    return base;
  }

  /** {@code base()·k}, equal to {@code base().mul(k)}. */
  public G2 mul(Fr k) {
    return table == null ? base.mul(k) : G2.fromRaw(table.mul(Mcl.G2_STRUCT, k));
  }

  /** Whether multiplications use a native table (false with a library that has none). */
  boolean usesTable() {
    return table != null;
  }
}
