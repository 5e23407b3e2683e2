package org.healthhub.processes.identity;

import org.operaton.bpm.engine.authorization.Groups;

/**
 * The HealthHub roles as Operaton groups, one demo user each. Ids are alphanumeric because the
 * engine's default resource-id pattern refuses hyphens.
 */
enum Role {
  PATIENT("patient", "patients", "Patients"),
  DOCTOR("doctor", "doctors", "Doctors"),
  HOSPITAL("hospital", "hospitals", "Hospitals"),
  GROUP_MANAGER("groupmanager", "groupManagers", "Group managers"),
  REVOCATION_MANAGER("revocationmanager", "revocationManagers", "Revocation managers"),
  BUYER("buyer", "buyers", "Data buyers"),
  /** The standalone worker app's account: fetches, locks and completes external tasks over /engine-rest. */
  WORKER("worker", "workers", "External task workers"),
  ADMIN("admin", Groups.OPERATON_ADMIN, "Operaton administrators");

  final String userId;
  final String groupId;
  final String groupName;

  Role(String userId, String groupId, String groupName) {
    this.userId = userId;
    this.groupId = groupId;
    this.groupName = groupName;
  }
}
