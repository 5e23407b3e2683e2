package org.healthhub.workers.enrol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;
import org.healthhub.workers.keys.Keyring;

/**
 * The join protocol of the groups' scheme (CPY06: four messages, the member's secret never leaves
 * the member) behind {@link GroupMembership}. The manager's side reads the issuing key and the GML
 * from the Group Manager's keyring and writes the grown GML back there; the member's side keeps
 * the partial and then the final member key in the doctor's keyring.
 */
public final class GroupSignatureMembership implements GroupMembership {

  /** A member key as opened from its sealed bytes; its toString never shows the key. */
  private record OpenedKey(byte[] sealed, MemberKey key) {}

  private final HospitalGroups groups;
  private final Keyring keyring;
  // Opening and importing a member key (and the pairing it then caches) cost more than a
  // signature: each opened key is kept while its sealed file is unchanged.
  private final Map<String, OpenedKey> openedKeys = new ConcurrentHashMap<>();
  private final RandomScalars rng = RandomScalars.secure();

  public GroupSignatureMembership(HospitalGroups groups, Keyring keyring) {
    this.groups = groups;
    this.keyring = keyring;
  }

  @Override
  public JoinTurn managerTurn(String groupId, String memberId, int step, Optional<JoinMessage> incoming)
      throws IOException, GeneralSecurityException {
    PublicGroup group = requireGroup(groupId);
    if (step == 0) {
      ManagerJoinStep offer = groups.scheme().joinManager(group.groupKey(), groups.issuingKey(group), Gml.empty(), null, rng);
      return JoinTurn.send(encode(offer.message()));
    }
    if (step != 2 || incoming.isEmpty()) {
      throw new IllegalStateException("the manager has no turn at step " + step);
    }
    // One join at a time may grow a group's GML (read, add, write back).
    synchronized (groups) {
      Issued issued = issuedBefore(group, memberId).orElse(null);
      if (issued == null) {
        issued = issue(group, memberId, incoming.get());
      }
      Gml gml = groups.gml(group);
      if (!gml.contains(issued.groupMemberId())) {
        groups.writeGml(group, gml.with(issued.groupMemberId(), issued.entry().entry(issued.groupMemberId())));
      }
      return JoinTurn.admit(issued.credential(), issued.groupMemberId());
    }
  }

  /** A credential issued to a member, kept by the manager so a repeated turn admits once. */
  private record Issued(JoinMessage credential, String groupMemberId, Gml entry) {}

  private Issued issue(PublicGroup group, String memberId, JoinMessage commitment)
      throws IOException, GeneralSecurityException {
    Gml before = groups.gml(group);
    ManagerJoinStep step;
    try {
      step = groups.scheme().joinManager(group.groupKey(), groups.issuingKey(group), before, decode(commitment), rng);
    } catch (org.healthhub.crypto.groupsig.JoinRejectedException | MalformedInputException e) {
      throw new JoinRejectedException("the member's commitment does not verify: " + e.getMessage());
    }
    String groupMemberId = newMemberId(before, step.gml());
    Issued issued = new Issued(encode(step.message()), groupMemberId,
        Gml.empty().with(groupMemberId, step.gml().entry(groupMemberId)));
    String record = issued.credential().base64() + "\n" + groupMemberId + "\n" + issued.entry().toBase64();
    keyring.writeSecret(group.groupManager(), credentialName(group.groupId(), memberId), ascii(record));
    return issued;
  }

  private Optional<Issued> issuedBefore(PublicGroup group, String memberId) throws IOException, GeneralSecurityException {
    Optional<byte[]> stored = keyring.readSecret(group.groupManager(), credentialName(group.groupId(), memberId));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = new String(stored.get(), StandardCharsets.US_ASCII).split("\n");
    return Optional.of(new Issued(new JoinMessage(parts[0]), parts[1], Gml.fromBase64(parts[2])));
  }

  @Override
  public JoinTurn memberTurn(String groupId, String memberId, int step, JoinMessage incoming)
      throws IOException, GeneralSecurityException {
    PublicGroup group = requireGroup(groupId);
    try {
      if (step == 1) {
        MemberJoinStep committed = groups.scheme().joinMember(group.groupKey(), null, decode(incoming), rng);
        keyring.writeSecret(memberId, partialKeyName(groupId), ascii(committed.partialKey().toBase64()));
        return JoinTurn.send(encode(committed.reply()));
      }
      if (step != 3) {
        throw new IllegalStateException("the member has no turn at step " + step);
      }
      MemberKey partial = groups.scheme().importMemberKey(new String(keyring.readSecret(memberId, partialKeyName(groupId))
          .orElseThrow(() -> new IllegalStateException(memberId + " holds no partial key for " + groupId)),
          StandardCharsets.US_ASCII));
      MemberJoinStep accepted = groups.scheme().joinMember(group.groupKey(), partial, decode(incoming), rng);
      if (!accepted.complete()) {
        throw new JoinRejectedException("the manager's credential did not complete the join");
      }
      keyring.writeSecret(memberId, memberKeyName(groupId), ascii(accepted.partialKey().toBase64()));
      return JoinTurn.completed();
    } catch (org.healthhub.crypto.groupsig.JoinRejectedException | MalformedInputException e) {
      throw new JoinRejectedException("the manager's message does not verify: " + e.getMessage());
    }
  }

  /** The member's signing key for the group, once the join completed. */
  public Optional<MemberKey> memberKey(String groupId, String memberId) throws IOException, GeneralSecurityException {
    String name = memberKeyName(groupId);
    String cacheKey = memberId + "/" + name;
    Optional<byte[]> sealed = keyring.sealedSecret(memberId, name);
    if (sealed.isEmpty()) {
      openedKeys.remove(cacheKey);
      return Optional.empty();
    }
    OpenedKey known = openedKeys.get(cacheKey);
    if (known != null && Arrays.equals(known.sealed(), sealed.get())) {
      return Optional.of(known.key());
    }
    byte[] encoded = keyring.openSecret(memberId, name, sealed.get());
    MemberKey key;
    try {
      key = groups.scheme().importMemberKey(new String(encoded, StandardCharsets.US_ASCII));
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
    openedKeys.put(cacheKey, new OpenedKey(sealed.get(), key));
    return Optional.of(key);
  }

  private PublicGroup requireGroup(String groupId) throws IOException, GeneralSecurityException {
    try {
      return groups.require(groupId);
    } catch (UnknownGroupException e) {
      throw new JoinRejectedException(e.getMessage());
    }
  }

  private static String newMemberId(Gml before, Gml after) {
    List<String> added = new ArrayList<>(after.memberIds());
    added.removeAll(before.memberIds());
    if (added.size() != 1) {
      throw new IllegalStateException("a join must add exactly one GML entry, added " + added.size());
    }
    return added.get(0);
  }

  private static JoinMessage encode(org.healthhub.crypto.groupsig.JoinMessage message) {
    return JoinMessage.of(message.toJson().getBytes(StandardCharsets.UTF_8));
  }

  private static org.healthhub.crypto.groupsig.JoinMessage decode(JoinMessage message) throws MalformedInputException {
    return org.healthhub.crypto.groupsig.JoinMessage.fromJson(new String(message.bytes(), StandardCharsets.UTF_8));
  }

  private static String credentialName(String groupId, String memberId) {
    return HospitalGroups.secretName(groupId, "credential." + memberId);
  }

  private static String partialKeyName(String groupId) {
    return HospitalGroups.secretName(groupId, "partial-member-key");
  }

  private static String memberKeyName(String groupId) {
    return HospitalGroups.secretName(groupId, "member-key");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
