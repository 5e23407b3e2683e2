package org.healthhub.crypto.mcl;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;

/**
 * A filled native fixed-base table for one base, off the Java heap. JNA's {@link Memory} frees
 * it through its Cleaner once the table is unreachable; the table holds no secret (only multiples
 * of a public base).
 */
final class FixedBaseTable {
  /** One group's table functions ({@link FixedBaseNatives} for G1 and G2, {@link FixedBaseTables} for GT). */
  interface Natives {
    /** Whether the loaded library exports these functions. */
    boolean available();

    long tableSize();

    int precompute(Pointer table, byte[] base);

    void mulFixed(byte[] z, Pointer table, byte[] k);
  }

  static final Natives G1 = new Natives() {
    @Override public boolean available() { return FixedBaseNatives.AVAILABLE; }
    @Override public long tableSize() { return FixedBaseNatives.hhG1_tableSize(); }
    @Override public int precompute(Pointer t, byte[] base) { return FixedBaseNatives.hhG1_precompute(t, base); }
    @Override public void mulFixed(byte[] z, Pointer t, byte[] k) { FixedBaseNatives.hhG1_mulFixed(z, t, k); }
  };

  static final Natives G2 = new Natives() {
    @Override public boolean available() { return FixedBaseNatives.AVAILABLE; }
    @Override public long tableSize() { return FixedBaseNatives.hhG2_tableSize(); }
    @Override public int precompute(Pointer t, byte[] base) { return FixedBaseNatives.hhG2_precompute(t, base); }
    @Override public void mulFixed(byte[] z, Pointer t, byte[] k) { FixedBaseNatives.hhG2_mulFixed(z, t, k); }
  };

  static final Natives GT = new Natives() {
    @Override public boolean available() { return FixedBaseTables.available(); }
    @Override public long tableSize() { return FixedBaseTables.hhGT_precomputedSize(); }
    @Override public int precompute(Pointer t, byte[] base) { return FixedBaseTables.hhGT_precompute(t, base); }
    @Override public void mulFixed(byte[] z, Pointer t, byte[] k) { FixedBaseTables.hhGT_powFixed(z, t, k); }
  };

  private final Natives natives;
  private final Memory table;

  private FixedBaseTable(Natives natives, Memory table) {
    this.natives = natives;
    this.table = table;
  }

  /** The table of {@code base}, or null when the library has no tables or refuses this base. */
  static FixedBaseTable build(Natives natives, byte[] base) {
    if (!natives.available()) {
      return null;
    }
    Memory table = new Memory(natives.tableSize());
    return natives.precompute(table, base) == 0 ? new FixedBaseTable(natives, table) : null;
  }

  byte[] mul(int structSize, Fr k) {
    byte[] z = new byte[structSize];
    try {
      natives.mulFixed(z, table, k.raw);
    } finally {
      // The native code reads the table: it must not be freed before the call returns.
      Reference.reachabilityFence(table);
    }
    return z;
  }
}
