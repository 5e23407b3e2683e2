package org.healthhub.crypto.mcl;

/**
 * A GT element with a table of its powers, for bases raised to many exponents (e.g. a group key's
 * {@code e(h, w)}): {@link #pow} costs under half of {@link GT#pow}. Immutable and safe to share
 * between threads. The table (about 480 KB, off the Java heap, a {@link FixedBaseTable}) is freed
 * when this object is collected. {@link #pow} always gives exactly {@link GT#pow}'s value; where
 * the loaded library has no table support (a native herumi mcl) it is {@link GT#pow}.
 */
public final class PrecomputedGT {
  private final GT base;
  private final FixedBaseTable table;

  private PrecomputedGT(GT base, FixedBaseTable table) {
    this.base = base;
    this.table = table;
  }

  /** @throws IllegalArgumentException if the library finds {@code base} outside GT */
  static PrecomputedGT of(GT base) {
    if (!FixedBaseTable.GT.available()) {
      return withoutTable(base);
    }
    FixedBaseTable table = FixedBaseTable.build(FixedBaseTable.GT, base.raw);
    if (table == null) {
      throw new IllegalArgumentException("hhGT_precompute: base is not in GT");
    }
    return new PrecomputedGT(base, table);
  }

  /** The plain-pow path, which the tests compare with the table's. */
  static PrecomputedGT withoutTable(GT base) {
    return new PrecomputedGT(base, null);
  }

  public GT base() {
    return base;
  }

  /** {@code base^k}, the same value as {@code base().pow(k)}. */
  public GT pow(Fr k) {
    return table == null ? base.pow(k) : new GT(table.mul(Mcl.GT_STRUCT, k));
  }

  boolean usesTable() {
    return table != null;
  }

  @Override
  public String toString() {
    return "PrecomputedGT(" + base + (table == null ? ", plain pow)" : ", table)");
  }
}
