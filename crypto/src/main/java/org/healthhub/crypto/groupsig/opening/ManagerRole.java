package org.healthhub.crypto.groupsig.opening;

import org.healthhub.crypto.MalformedInputException;

/** The two holders of an opening share. Each partial opening is bound to its holder's role. */
public enum ManagerRole {
  GROUP_MANAGER("gm"),
  REVOCATION_MANAGER("rm");

  private final String label;

  ManagerRole(String label) {
    this.label = label;
  }

  /** The short label written in exports and bound into proofs. */
  public String label() {
    return label;
  }

  static ManagerRole ofLabel(String label) throws MalformedInputException {
    for (ManagerRole role : values()) {
      if (role.label.equals(label)) {
        return role;
      }
    }
    throw new MalformedInputException("unknown manager role '" + label + "'");
  }
}
