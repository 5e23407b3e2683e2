package org.healthhub.workers.opening;

import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;

/** What an opening needs to know of a hospital group: all public except the GML, which only the managers read. */
public record OpeningGroup(DualControlOpening scheme, GroupKey groupKey, ShareCommitments commitments, Gml gml) {}
