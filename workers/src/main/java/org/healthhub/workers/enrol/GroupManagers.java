package org.healthhub.workers.enrol;

import java.io.IOException;
import java.security.GeneralSecurityException;

/** Who manages a hospital group: the party whose keys the member's join messages are sealed to. */
@FunctionalInterface
public interface GroupManagers {

  /** @throws UnknownGroupException if there is no such group */
  String managerOf(String groupId) throws IOException, GeneralSecurityException;
}
