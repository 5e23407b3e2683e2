package org.healthhub.workers.opening;

import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;

/**
 * What an opening needs to know of a hospital group: all public except the GML, which lives in the
 * Group Manager's keystore and is read only by the combiner (running as the GM): a partial opening
 * never asks for it, so the Revocation Manager's worker runs without the GM's keystore.
 */
public record OpeningGroup(DualControlOpening scheme, GroupKey groupKey, ShareCommitments commitments, GmlReader gml) {

  /** Reads the GML when a step needs it. */
  @FunctionalInterface
  public interface GmlReader {

    /** @throws Exception if the GM's keystore cannot be opened here, or the GML not read */
    Gml read() throws Exception;
  }
}
