package org.healthhub.crypto.mcl;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The bundled library's fixed-base GT powers ({@code hhGT_*}, crypto/native/mclgtfixed.c). A
 * native herumi mcl does not have them: then {@link #available()} is false and {@link
 * PrecomputedGT} uses {@code mclBnGT_pow}, which gives the same values.
 */
final class FixedBaseTables {
  private static final boolean AVAILABLE;

  static {
    Mcl.ensureLoaded();
    boolean registered;
    try {
      Native.register(FixedBaseTables.class, Mcl.library());
      registered = true;
    } catch (UnsatisfiedLinkError notExported) {
      registered = false;
    }
    AVAILABLE = registered;
  }

  private FixedBaseTables() {}

  static boolean available() {
    return AVAILABLE;
  }

  /**
   * Fills {@code table} ({@link #hhGT_precomputedSize()} bytes) with the powers of {@code base}.
   *
   * @throws IllegalArgumentException if the library finds {@code base} outside GT
   */
  static void precompute(Pointer table, byte[] base) {
    int status = hhGT_precompute(table, base);
    if (status != 0) {
      throw new IllegalArgumentException("hhGT_precompute: base is not in GT (status " + status + ")");
    }
  }

  static native long hhGT_precomputedSize();

  private static native int hhGT_precompute(Pointer table, byte[] base);

  /** {@code z = base^k} for the base {@code table} was filled with. */
  static native void hhGT_powFixed(byte[] z, Pointer table, byte[] k);
}
