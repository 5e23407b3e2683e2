package org.healthhub.crypto.mcl;

/**
 * What {@link FixedBaseG1} and {@link FixedBaseG2} share: a base point and, with the bundled
 * library, its native table ({@link FixedBaseTable}); without one, plain multiplication.
 *
 * @param <P> the point type
 */
abstract sealed class FixedBase<P extends CurvePoint<P>> permits FixedBaseG1, FixedBaseG2 {
  private final P base;
  private final FixedBaseTable table;

  FixedBase(P base, FixedBaseTable.Natives natives, boolean useTable) {
    this.base = base;
    this.table = useTable ? FixedBaseTable.build(natives, base.raw) : null;
  }

  public P base() {
    return base;
  }

  /** {@code base()·k}, equal to {@code base().mul(k)}. */
  public P mul(Fr k) {
    return table == null ? base.mul(k) : base.wrap(table.mul(base.ops().structSize, k));
  }

  /** Whether multiplications use a native table (false with a library that has none). */
  boolean usesTable() {
    return table != null;
  }
}
