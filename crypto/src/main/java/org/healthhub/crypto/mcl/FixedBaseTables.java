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

  static native long hhGT_precomputedSize();

  /** Fills a table of {@link #hhGT_precomputedSize()} bytes with the powers of {@code base}; non-zero if {@code base} is outside GT. */
  static native int hhGT_precompute(Pointer table, byte[] base);

  /** {@code z = base^k} for the base {@code table} was filled with. */
  static native void hhGT_powFixed(byte[] z, Pointer table, byte[] k);
}
