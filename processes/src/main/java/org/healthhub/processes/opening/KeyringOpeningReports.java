package org.healthhub.processes.opening;

import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.storage.BlobStore;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.opening.OpeningReport;
import org.springframework.stereotype.Component;

/** Opens a report with the signed-in manager's own X25519 key, from that manager's keystore. */
@Component
class KeyringOpeningReports implements OpeningReports {

  private final BlobStore store;
  private final Keyring keyring;

  KeyringOpeningReports(BlobStore store, Keyring keyring) {
    this.store = store;
    this.keyring = keyring;
  }

  @Override
  public OpeningReport read(String userId, ManagerRole role, String resultCid, String signatureDigest) throws Exception {
    if (!keyring.holds(userId)) {
      throw new NoKeyShareException(userId + " holds no " + role + " key share here: only the managers the opening "
          + "reports are sealed to, with their keystore configured, read results");
    }
    return OpeningReport.read(store, resultCid, signatureDigest, role, keyring.keysOf(userId).wrapping());
  }
}
