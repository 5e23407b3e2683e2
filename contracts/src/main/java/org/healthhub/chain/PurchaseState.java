package org.healthhub.chain;

/** DataHub's purchase states, in the contract's order. */
public enum PurchaseState {
  NONE, REQUESTED, REPLIED, DELIVERED, DISPUTED, SETTLED, REFUNDED;

  static PurchaseState ofOrdinal(int ordinal) {
    PurchaseState[] states = values();
    if (ordinal < 0 || ordinal >= states.length) {
      throw new IllegalArgumentException("no purchase state " + ordinal + " (the contract has " + states.length + ")");
    }
    return states[ordinal];
  }
}
