package org.healthhub.workers.opening;

import java.nio.file.Path;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningShare;

/**
 * A manager's share in a keystore file of its own: how the process tests give each partial-opening
 * worker its share without the app's keyrings (the app reads shares from them, see
 * {@code HospitalOpeningGroups}).
 */
public record ShareSource(Path keystore, char[] passphrase) implements OpeningShares {
  @Override
  public OpeningShare share(String groupId, String scheme, ManagerRole role) throws Exception {
    return ShareKeystore.read(keystore, passphrase, scheme, role);
  }

  @Override
  public String toString() {
    return "ShareSource[" + keystore + ", passphrase redacted]";
  }
}
