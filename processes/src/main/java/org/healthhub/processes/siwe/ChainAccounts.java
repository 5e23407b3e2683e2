package org.healthhub.processes.siwe;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import org.healthhub.workers.chain.DataHubAccess;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;

/**
 * Whose chain account an address is: the patient or buyer whose keystore holds the key that pays
 * or gets paid on chain. Only those two roles log in by their Ethereum key.
 */
final class ChainAccounts {

  static final List<String> SIWE_GROUPS = List.of("patients", "buyers");

  private final IdentityService identity;
  private final DataHubAccess chain;

  ChainAccounts(IdentityService identity, DataHubAccess chain) {
    this.identity = identity;
    this.chain = chain;
  }

  Optional<String> userOf(String address) {
    for (String group : SIWE_GROUPS) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (address.equalsIgnoreCase(addressOf(user.getId()))) {
          return Optional.of(user.getId());
        }
      }
    }
    return Optional.empty();
  }

  private String addressOf(String user) {
    try {
      return chain.addressOf(user);
    } catch (IOException | GeneralSecurityException | IllegalStateException e) {
      // No keystore this app can open (no passphrase configured): the user has no chain account here.
      return null;
    }
  }
}
