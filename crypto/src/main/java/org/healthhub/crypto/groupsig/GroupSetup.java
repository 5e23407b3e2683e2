package org.healthhub.crypto.groupsig;

/** What setup creates: the public group key, the manager's secret key, an empty membership list. */
public record GroupSetup(GroupKey groupKey, ManagerKey managerKey, Gml gml) {
  @Override
  public String toString() {
    return "GroupSetup[" + groupKey.scheme() + "]";
  }
}
