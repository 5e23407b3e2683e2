package org.healthhub.workers.opening;

import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningShare;

/** Where a manager's opening share of a group is kept; the partial opening asks for it only after approval. */
@FunctionalInterface
public interface OpeningShares {

  /**
   * @throws java.security.GeneralSecurityException if the share does not open or is another role's or scheme's
   * @throws Exception if the share cannot be read
   */
  OpeningShare share(String groupId, String scheme, ManagerRole role) throws Exception;
}
