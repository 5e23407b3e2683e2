package org.healthhub.workers.opening;

/** The two managers' X25519 public keys, to which partial openings and results are sealed. */
public record ManagerKeys(byte[] groupManager, byte[] revocationManager) {
  public ManagerKeys {
    groupManager = groupManager.clone();
    revocationManager = revocationManager.clone();
  }

  @Override
  public byte[] groupManager() {
    return groupManager.clone();
  }

  @Override
  public byte[] revocationManager() {
    return revocationManager.clone();
  }
}
