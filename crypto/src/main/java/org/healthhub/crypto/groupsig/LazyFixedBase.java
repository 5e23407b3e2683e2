package org.healthhub.crypto.groupsig;

import org.healthhub.crypto.mcl.FixedBaseG1;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * A key's G1 point multiplied by a fresh scalar in every signature, with its fixed-base table
 * built at the first {@link #mul} (so importing a key that never signs stays cheap). Gives exactly
 * {@link G1#mul}'s value.
 */
public final class LazyFixedBase {
  private final G1 base;
  private volatile FixedBaseG1 table;

  public LazyFixedBase(G1 base) {
    this.base = base;
  }

  public G1 base() {
    return base;
  }

  public G1 mul(Fr k) {
    FixedBaseG1 built = table;
    if (built == null) {
      built = base.precompute();
      table = built;
    }
    return built.mul(k);
  }
}
