package org.healthhub.crypto.mcl;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.List;

/**
 * The bundled library's fixed-base tables ({@code hhG1_*}, {@code hhG2_*}, not part of mcl's C
 * API). A native herumi mcl lacks them: then {@link #AVAILABLE} is false and nothing is bound.
 *
 * <p>{@code precompute(table, base)} fills a table of {@code tableSize()} bytes for a point of the
 * group and returns 0, or returns non-zero (writing nothing usable) for a base it does not
 * handle (the identity); {@code mulFixed(z, table, k)} writes {@code base·k} to z. A filled table
 * is only read, so one table serves many threads at once.
 */
final class FixedBaseNatives {
  private static final List<String> FUNCTIONS = List.of(
      "hhG1_tableSize", "hhG1_precompute", "hhG1_mulFixed",
      "hhG2_tableSize", "hhG2_precompute", "hhG2_mulFixed");

  static final boolean AVAILABLE = bind();

  private FixedBaseNatives() {}

  private static boolean bind() {
    NativeLibrary library = Mcl.library();
    try {
      for (String function : FUNCTIONS) {
        library.getFunction(function);
      }
    } catch (UnsatisfiedLinkError missing) {
      return false;
    }
    Native.register(FixedBaseNatives.class, library);
    return true;
  }

  static native long hhG1_tableSize();

  static native int hhG1_precompute(Pointer table, byte[] base);

  static native void hhG1_mulFixed(byte[] z, Pointer table, byte[] k);

  static native long hhG2_tableSize();

  static native int hhG2_precompute(Pointer table, byte[] base);

  static native void hhG2_mulFixed(byte[] z, Pointer table, byte[] k);
}
