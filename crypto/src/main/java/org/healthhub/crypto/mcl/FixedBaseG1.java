package org.healthhub.crypto.mcl;

/**
 * A fixed point of G1 ready for many multiplications ({@link G1#precompute()}): with the bundled
 * library, a table of multiples of the base (built once, about 80 KB off-heap) makes
 * {@link #mul(Fr)} faster than {@link G1#mul(Fr)}; with a native herumi mcl (which
 * has no such tables) {@link #mul(Fr)} is {@link G1#mul(Fr)}. Both give the same point.
 *
 * <p>Immutable and safe to share between threads. Worth it for bases multiplied again and again:
 * generators and group-key elements.
 */
public final class FixedBaseG1 {
  private final G1 base;
  private final FixedBaseTable table;

  FixedBaseG1(G1 base, boolean useTable) {
    this.base = base;
    this.table = useTable ? FixedBaseTable.build(FixedBaseTable.G1, base.raw) : null;
  }

  public G1 base() {
    return base;
  }

  /** {@code base()·k}, equal to {@code base().mul(k)}. */
  public G1 mul(Fr k) {
    return table == null ? base.mul(k) : G1.fromRaw(table.mul(Mcl.G1_STRUCT, k));
  }

  /** Whether multiplications use a native table (false with a library that has none). */
  boolean usesTable() {
    return table != null;
  }
}
