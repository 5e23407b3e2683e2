package org.healthhub.workers.opening;

/**
 * Finds a hospital group's opening data by its id. The enrolment side keeps groups (group key,
 * share commitments, membership list); this interface is all the opening flow asks of it.
 */
@FunctionalInterface
public interface OpeningGroups {

  /**
   * @throws java.util.NoSuchElementException if there is no such group
   * @throws Exception if the group's files cannot be read
   */
  OpeningGroup group(String groupId) throws Exception;
}
