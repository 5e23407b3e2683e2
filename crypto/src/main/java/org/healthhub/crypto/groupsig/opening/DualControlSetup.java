package org.healthhub.crypto.groupsig.opening;

import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;

/** A new group whose opening secret exists only as two shares. */
public record DualControlSetup(GroupKey groupKey, Gml gml, DualControlKeys keys) {
  @Override
  public String toString() {
    return "DualControlSetup[" + groupKey.scheme() + "]";
  }
}
