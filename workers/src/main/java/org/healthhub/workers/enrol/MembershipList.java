package org.healthhub.workers.enrol;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The persisted group membership list (the manager's GML) of every hospital group. */
public interface MembershipList {

  /**
   * Adds a member; adding the same entry again does nothing.
   *
   * @throws IllegalStateException if the member is already listed with a different entry
   * @throws IOException if the list cannot be written
   */
  void add(MemberEntry member) throws IOException;

  Optional<MemberEntry> find(String groupId, String memberId) throws IOException;

  List<MemberEntry> members(String groupId) throws IOException;
}
