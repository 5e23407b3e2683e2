package org.healthhub.workers.enrol;

import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.groupsig.opening.OpeningShare;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.opening.OpeningGroup;
import org.healthhub.workers.opening.OpeningGroups;
import org.healthhub.workers.opening.OpeningShares;

/**
 * The opening flow's view of the hospital groups: group key, share commitments and GML from
 * {@link HospitalGroups}, each manager's share from that manager's own keyring, where the group's
 * creation put it (no second copy).
 */
public final class HospitalOpeningGroups implements OpeningGroups, OpeningShares {

  private final HospitalGroups groups;
  private final Keyring keyring;

  public HospitalOpeningGroups(HospitalGroups groups, Keyring keyring) {
    this.groups = groups;
    this.keyring = keyring;
  }

  @Override
  public OpeningGroup group(String groupId) throws Exception {
    PublicGroup group = find(groupId);
    return new OpeningGroup(groups.scheme(), group.groupKey(), group.commitments(), () -> groups.gml(group));
  }

  /** @throws MalformedInputException if the stored share is not {@code role}'s share of {@code scheme} */
  @Override
  public OpeningShare share(String groupId, String scheme, ManagerRole role) throws Exception {
    PublicGroup group = find(groupId);
    String manager = role == ManagerRole.GROUP_MANAGER ? group.groupManager() : group.revocationManager();
    byte[] encoded = keyring.readSecret(manager, HospitalGroups.secretName(groupId, "opening-share"))
        .orElseThrow(() -> new IllegalStateException("the " + role.label() + " of " + groupId + " has no opening share"));
    OpeningShare share = OpeningShare.fromBase64(scheme, new String(encoded, StandardCharsets.US_ASCII));
    if (share.role() != role) {
      throw new MalformedInputException("the share kept for the " + role + " of " + groupId + " is the " + share.role() + "'s");
    }
    return share;
  }

  private PublicGroup find(String groupId) throws Exception {
    return groups.find(groupId).orElseThrow(() -> new NoSuchElementException("no hospital group " + groupId));
  }
}
