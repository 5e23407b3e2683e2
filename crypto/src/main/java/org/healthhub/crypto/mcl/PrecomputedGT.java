package org.healthhub.crypto.mcl;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * A GT element with a table of its powers, for bases raised to many exponents (e.g. a group key's
 * {@code e(h, w)}): {@link #pow} costs under half of {@link GT#pow}. Immutable and safe to share
 * between threads. The table (about 480 KB, off the Java heap) is freed when this object is
 * collected. {@link #pow} always gives exactly {@link GT#pow}'s value; where the loaded library
 * has no table support (a native herumi mcl) it is {@link GT#pow}.
 */
public final class PrecomputedGT {
  private static final Cleaner CLEANER = Cleaner.create();

  private final GT base;
  private final Pointer table;

  private PrecomputedGT(GT base, Pointer table) {
    this.base = base;
    this.table = table;
  }

  static PrecomputedGT of(GT base) {
    if (!FixedBaseTables.available()) {
      return withoutTable(base);
    }
    long size = FixedBaseTables.hhGT_precomputedSize();
    long address = Native.malloc(size);
    if (address == 0) {
      throw new OutOfMemoryError("PrecomputedGT: cannot allocate a " + size + "-byte table");
    }
    PrecomputedGT precomputed = new PrecomputedGT(base, new Pointer(address));
    CLEANER.register(precomputed, () -> Native.free(address));
    FixedBaseTables.precompute(precomputed.table, base.raw);
    return precomputed;
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
    if (table == null) {
      return base.pow(k);
    }
    byte[] z = new byte[Mcl.GT_STRUCT];
    try {
      FixedBaseTables.hhGT_powFixed(z, table, k.raw);
    } finally {
      Reference.reachabilityFence(this);
    }
    return new GT(z);
  }

  boolean usesTable() {
    return table != null;
  }

  @Override
  public String toString() {
    return "PrecomputedGT(" + base + (table == null ? ", plain pow)" : ", table)");
  }
}
