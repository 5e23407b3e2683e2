package org.healthhub.crypto.groupsig.gl19;

import java.math.BigInteger;
import java.util.List;

/**
 * CPython's {@code random} (MT19937, {@code seed(int)}, {@code randint}) and pygroupsig's faulty
 * convert shuffle on top of it: test-only, to show that the recorded 3-input conversion orders
 * and IndexErrors come from that shuffle, which production code does not reproduce.
 */
final class CPythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private static final long MASK = 0xffffffffL;

  private final long[] mt = new long[N];
  private int index = N;

  /** {@code random.seed(n)}: init_by_array over the 32-bit words of |n|, least significant first. */
  CPythonRandom(BigInteger seed) {
    BigInteger n = seed.abs();
    int words = Math.max(1, (n.bitLength() + 31) / 32);
    long[] key = new long[words];
    for (int w = 0; w < words; w++) {
      key[w] = n.shiftRight(32 * w).longValue() & MASK;
    }
    initByArray(key);
  }

  private void initGenrand(long s) {
    mt[0] = s & MASK;
    for (int i = 1; i < N; i++) {
      mt[i] = (1812433253L * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) & MASK;
    }
    index = N;
  }

  private void initByArray(long[] key) {
    initGenrand(19650218L);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525L)) + key[j] + j) & MASK;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941L)) - i) & MASK;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000L;
  }

  private long nextUint32() {
    if (index >= N) {
      for (int k = 0; k < N; k++) {
        long y = (mt[k] & 0x80000000L) | (mt[(k + 1) % N] & 0x7fffffffL);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908b0dfL);
      }
      index = 0;
    }
    long y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680L;
    y ^= (y << 15) & 0xefc60000L;
    y ^= y >>> 18;
    return y & MASK;
  }

  /** {@code randint(a, b)} = a + randbelow(b − a + 1), for ranges below 2^31. */
  int randint(int a, int b) {
    int m = b - a + 1;
    int k = 32 - Integer.numberOfLeadingZeros(m);
    long r;
    do {
      r = nextUint32() >>> (32 - k);
    } while (r >= m);
    return a + (int) r;
  }

  /**
   * pygroupsig's convert shuffle: for i = 0 … n−3, swap list[i] with list[randint(i, n)]; the
   * inclusive bound n is out of range.
   *
   * @throws IndexOutOfBoundsException where Python raises IndexError
   */
  static <T> void pygroupsigShuffle(List<T> list, CPythonRandom random) {
    for (int i = 0; i < list.size() - 2; i++) {
      int j = random.randint(i, list.size());
      T atJ = list.get(j);
      list.set(j, list.get(i));
      list.set(i, atJ);
    }
  }
}
