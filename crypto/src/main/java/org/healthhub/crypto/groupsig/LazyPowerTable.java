package org.healthhub.crypto.groupsig;

import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.PrecomputedGT;

/**
 * A key's GT element raised to a fresh exponent in every signature, with its power table built
 * at the first {@link #pow} (building costs about a dozen powers, so importing a key that never
 * signs stays cheap). Gives exactly {@link GT#pow}'s value.
 */
public final class LazyPowerTable {
  private final GT base;
  private volatile PrecomputedGT table;

  public LazyPowerTable(GT base) {
    this.base = base;
  }

  public GT pow(Fr k) {
    PrecomputedGT built = table;
    if (built == null) {
      built = base.precompute();
      table = built;
    }
    return built.pow(k);
  }
}
