package org.healthhub.crypto.mcl;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Random 64-bit exponents for small-exponent batching: a product of claims raised to independent
 * random 64-bit exponents is one exactly when every claim holds, except with probability at most
 * 2⁻⁶⁴ per check (r is prime, so a failing claim's error term has order r). Drawn from a
 * {@link SecureRandom}: an attacker who could predict them could cancel errors between claims.
 */
public final class SmallExponents {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SmallExponents() {}

  /** {@code count} independent exponents, uniform in [0, 2⁶⁴). */
  public static List<Fr> draw(int count) {
    List<Fr> exponents = new ArrayList<>(count);
    byte[] bytes = new byte[Fr.SERIALIZED_SIZE];
    for (int i = 0; i < count; i++) {
      byte[] low = new byte[Long.BYTES];
      RANDOM.nextBytes(low);
      System.arraycopy(low, 0, bytes, 0, low.length);
      exponents.add(Fr.fromCsprngBytes(bytes)); // below 2⁶⁴ < r: taken as is
    }
    return exponents;
  }
}
