package org.healthhub.workers.opening;

import org.healthhub.crypto.record.hpke.X25519KeyPair;

/**
 * One manager's X25519 pair, opened when a task needs it: a worker that does not serve the
 * manager's topics never asks for the manager's keystore.
 */
@FunctionalInterface
public interface ManagerWrappingKey {

  /** @throws Exception if the manager's keystore cannot be opened here */
  X25519KeyPair open() throws Exception;
}
