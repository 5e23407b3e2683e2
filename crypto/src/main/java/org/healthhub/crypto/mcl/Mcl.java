package org.healthhub.crypto.mcl;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The one door to herumi mcl's C API (BLS12-381, {@code mclBn_init(5, 46)}, default serialization,
 * original map-to mode: pygroupsig's settings). Arguments are {@code byte[]} holding mcl's structs:
 * Fr 32 B, G1 144 B, G2 288 B, GT 576 B (internal Montgomery/Jacobian form, not serializations).
 *
 * <p>Which library is loaded is decided once, by {@link MclLibraryLocator}. Every function the
 * binding registers must be exported by that library; the list is the set of {@code native}
 * methods below.
 *
 * <p>Never pass one Java array as two arguments of a call (an output that aliases an input):
 * JNA copies every array argument back after the call, so the input's copy can overwrite the
 * result.
 *
 * <p>Thread safety: native mcl keeps no mutable state after init; the bundled build keeps one
 * wasm instance per thread. The arrays passed are never shared between threads by the element
 * types, so no lock is needed here.
 */
public final class Mcl {
  static final int FR_STRUCT = 32;
  static final int G1_STRUCT = 144;
  static final int G2_STRUCT = 288;
  static final int GT_STRUCT = 576;

  private static final int CURVE_BLS12_381 = 5;
  // MCLBN_COMPILED_TIME_VAR = MCLBN_FR_UNIT_SIZE * 10 + MCLBN_FP_UNIT_SIZE for libmclbn384_256.
  private static final int COMPILED_TIME_VAR = 46;

  // Held for the life of the JVM: a collected NativeLibrary is closed, and libmclbn needs libmcl.
  private static final MclLibraryLocator.Located LIBRARY;

  static {
    LIBRARY = MclLibraryLocator.locate();
    Native.register(Mcl.class, LIBRARY.library());
    check("mclBn_init", mclBn_init(CURVE_BLS12_381, COMPILED_TIME_VAR));
  }

  private Mcl() {}

  /**
   * Loads and initialises the library if that has not happened yet.
   *
   * @throws IllegalStateException (wrapped in {@link ExceptionInInitializerError} on the first
   *     call) if no library can be found, a symbol is missing, or {@code mclBn_init} fails
   */
  public static void ensureLoaded() {
    // Touching the class runs the static initialiser exactly once.
  }

  /** The loaded library, for functions only some builds export ({@link FixedBaseNatives}, {@link FixedBaseTables}). */
  static NativeLibrary library() {
    return LIBRARY.library();
  }

  /** Which library was loaded and from where, e.g. for benchmark tables. */
  public static String libraryDescription() {
    return LIBRARY.description();
  }

  /** Turns a non-zero status into an exception naming the mcl function. */
  static void check(String function, int status) {
    if (status != 0) {
      throw new IllegalStateException(function + " failed with status " + status);
    }
  }

  static void checkSize(String function, long returned, long expected) {
    if (returned != expected) {
      throw new IllegalStateException(
          function + " returned " + returned + " bytes, expected " + expected);
    }
  }

  /** A native call {@code op(z, x, y)} that writes z. */
  interface BinaryOp {
    void apply(byte[] z, byte[] x, byte[] y);
  }

  /** A native call {@code op(y, x)} that writes y. */
  interface UnaryOp {
    void apply(byte[] y, byte[] x);
  }

  /** Runs {@code op} into a fresh struct of {@code size} bytes (never aliasing an input). */
  static byte[] call(int size, BinaryOp op, byte[] x, byte[] y) {
    byte[] z = new byte[size];
    op.apply(z, x, y);
    return z;
  }

  static byte[] call(int size, UnaryOp op, byte[] x) {
    byte[] y = new byte[size];
    op.apply(y, x);
    return y;
  }

  static native int mclBn_init(int curve, int compiledTimeVar);

  // Fr
  static native long mclBnFr_deserialize(byte[] x, byte[] buf, long bufSize);

  static native long mclBnFr_serialize(byte[] buf, long maxBufSize, byte[] x);

  static native int mclBnFr_setHashOf(byte[] x, byte[] buf, long bufSize);

  static native void mclBnFr_add(byte[] z, byte[] x, byte[] y);

  static native void mclBnFr_sub(byte[] z, byte[] x, byte[] y);

  static native void mclBnFr_mul(byte[] z, byte[] x, byte[] y);

  static native void mclBnFr_neg(byte[] y, byte[] x);

  static native void mclBnFr_inv(byte[] y, byte[] x);

  static native int mclBnFr_isZero(byte[] x);

  // G1
  static native long mclBnG1_deserialize(byte[] x, byte[] buf, long bufSize);

  static native long mclBnG1_serialize(byte[] buf, long maxBufSize, byte[] x);

  static native int mclBnG1_setStr(byte[] x, byte[] buf, long bufSize, int ioMode);

  static native int mclBnG1_isEqual(byte[] x, byte[] y);

  static native int mclBnG1_isZero(byte[] x);

  static native int mclBnG1_isValidOrder(byte[] x);

  static native int mclBnG1_hashAndMapTo(byte[] x, byte[] buf, long bufSize);

  static native void mclBnG1_neg(byte[] y, byte[] x);

  static native void mclBnG1_add(byte[] z, byte[] x, byte[] y);

  static native void mclBnG1_sub(byte[] z, byte[] x, byte[] y);

  static native void mclBnG1_mul(byte[] z, byte[] x, byte[] y);

  static native void mclBnG1_mulVec(byte[] z, byte[] x, byte[] y, long n);

  // G2
  static native long mclBnG2_deserialize(byte[] x, byte[] buf, long bufSize);

  static native long mclBnG2_serialize(byte[] buf, long maxBufSize, byte[] x);

  static native int mclBnG2_setStr(byte[] x, byte[] buf, long bufSize, int ioMode);

  static native int mclBnG2_isEqual(byte[] x, byte[] y);

  static native int mclBnG2_isZero(byte[] x);

  static native int mclBnG2_isValidOrder(byte[] x);

  static native int mclBnG2_hashAndMapTo(byte[] x, byte[] buf, long bufSize);

  static native void mclBnG2_neg(byte[] y, byte[] x);

  static native void mclBnG2_add(byte[] z, byte[] x, byte[] y);

  static native void mclBnG2_sub(byte[] z, byte[] x, byte[] y);

  static native void mclBnG2_mul(byte[] z, byte[] x, byte[] y);

  static native void mclBnG2_mulVec(byte[] z, byte[] x, byte[] y, long n);

  // GT
  static native long mclBnGT_deserialize(byte[] x, byte[] buf, long bufSize);

  static native long mclBnGT_serialize(byte[] buf, long maxBufSize, byte[] x);

  static native int mclBnGT_isEqual(byte[] x, byte[] y);

  static native int mclBnGT_isOne(byte[] x);

  static native int mclBnGT_isZero(byte[] x);

  static native void mclBnGT_mul(byte[] z, byte[] x, byte[] y);

  static native void mclBnGT_div(byte[] z, byte[] x, byte[] y);

  static native void mclBnGT_inv(byte[] y, byte[] x);

  static native void mclBnGT_pow(byte[] z, byte[] x, byte[] y);

  static native void mclBnGT_powGeneric(byte[] z, byte[] x, byte[] y);

  static native void mclBnGT_powVec(byte[] z, byte[] x, byte[] y, long n);

  // Pairing
  static native void mclBn_pairing(byte[] z, byte[] x, byte[] y);

  static native void mclBn_millerLoopVec(byte[] z, byte[] x, byte[] y, long n);

  static native void mclBn_finalExp(byte[] y, byte[] x);

  static native int mclBn_getUint64NumToPrecompute();

  static native void mclBn_precomputeG2(long[] qbuf, byte[] q);

  static native void mclBn_precomputedMillerLoop2(byte[] f, byte[] p1, long[] q1buf, byte[] p2, long[] q2buf);
}
