package org.healthhub.processes.opening;

import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.workers.opening.OpeningReport;

/**
 * Opens a stored opening report for one of the two managers, with that manager's own X25519 key
 * (from the manager's keystore) and the blob store. The engine app serves results only once a bean
 * of this type exists; the side that keeps the managers' keystores provides it.
 */
@FunctionalInterface
public interface OpeningReports {

  /**
   * @throws NoKeyShareException if this manager holds no key share (no keystore) in this app
   * @throws java.security.GeneralSecurityException if the report is not sealed to this manager or was altered
   * @throws Exception if the report cannot be fetched
   */
  OpeningReport read(String userId, ManagerRole role, String resultCid, String signatureDigest) throws Exception;
}
