package org.healthhub.workers.opening;

import org.healthhub.chain.DataHubGateway;

/** DataHub as one manager's account, connected when a task needs it (the contract may be deployed after start). */
@FunctionalInterface
public interface ManagerChain {

  /** @throws Exception if the account's key or the chain cannot be reached */
  DataHubGateway gateway() throws Exception;
}
