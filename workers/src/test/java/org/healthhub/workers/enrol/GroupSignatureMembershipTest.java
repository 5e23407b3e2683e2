package org.healthhub.workers.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.workers.enrol.HospitalGroups.PublicGroup;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPY06 join through the adapter, with keys in real (cheap) keystores. */
class GroupSignatureMembershipTest {

  private static final String GROUP = "st-mary";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Keyring keyring;
  private HospitalGroups groups;
  private GroupSignatureMembership membership;
  private PublicGroup group;

  @BeforeEach
  void createGroup() throws Exception {
    keyring = TestKeyrings.of(dir.resolve("keys"), "groupmanager", "revocationmanager", "doctor1", "doctor2");
    groups = new HospitalGroups(dir.resolve("groups"), new Cpy06(), keyring);
    group = groups.createIfAbsent(GROUP, "groupmanager", "revocationmanager");
    membership = new GroupSignatureMembership(groups, keyring);
  }

  @Test
  void createIfAbsent_again_keepsTheSameGroup() throws Exception {
    PublicGroup again = new HospitalGroups(dir.resolve("groups"), new Cpy06(), keyring)
        .createIfAbsent(GROUP, "groupmanager", "revocationmanager");

    assertThat(again.groupKey().toBase64()).isEqualTo(group.groupKey().toBase64());
    assertThat(again.commitments()).isEqualTo(group.commitments());
  }

  @Test
  void join_fourMessages_memberSignsForTheGroupAndIsInTheGml() throws Exception {
    String memberId = join("doctor1");

    MemberKey key = membership.memberKey(GROUP, "doctor1").orElseThrow();
    Cpy06 scheme = new Cpy06();
    GroupSignature signature = scheme.sign("root 42", key, group.groupKey(), RandomScalars.secure());
    scheme.verify("root 42", signature, group.groupKey());
    assertThat(groups.gml(group).memberIds()).containsExactly(memberId);
  }

  @Test
  void join_twoDoctors_distinctMemberIds() throws Exception {
    assertThat(join("doctor1")).isNotEqualTo(join("doctor2"));
    assertThat(groups.gml(group).size()).isEqualTo(2);
  }

  @Test
  void managerTurn_admissionRepeated_sameCredentialAndOneGmlEntry() throws Exception {
    JoinMessage offer = membership.managerTurn(GROUP, "doctor1", 0, Optional.empty()).reply().orElseThrow();
    JoinMessage commitment = membership.memberTurn(GROUP, "doctor1", 1, offer).reply().orElseThrow();

    JoinTurn first = membership.managerTurn(GROUP, "doctor1", 2, Optional.of(commitment));
    JoinTurn second = membership.managerTurn(GROUP, "doctor1", 2, Optional.of(commitment));

    assertThat(second).isEqualTo(first);
    assertThat(groups.gml(group).size()).isEqualTo(1);
  }

  @Test
  void managerTurn_proofFromAnotherCommitment_throwsJoinRejectedAndGmlUnchanged() throws Exception {
    JoinMessage offer = membership.managerTurn(GROUP, "doctor1", 0, Optional.empty()).reply().orElseThrow();
    ObjectNode commitment = json(membership.memberTurn(GROUP, "doctor1", 1, offer).reply().orElseThrow());
    ObjectNode other = json(membership.memberTurn(GROUP, "doctor2", 1, offer).reply().orElseThrow());
    commitment.set("spk", other.get("spk"));
    JoinMessage forged = JoinMessage.of(JSON.writeValueAsBytes(commitment));

    assertThatThrownBy(() -> membership.managerTurn(GROUP, "doctor1", 2, Optional.of(forged)))
        .isInstanceOf(JoinRejectedException.class).hasMessageContaining("proof for pi does not hold");
    assertThat(groups.gml(group).size()).isZero();
  }

  @Test
  void memberTurn_credentialNotJson_throwsJoinRejected() throws Exception {
    JoinMessage offer = membership.managerTurn(GROUP, "doctor1", 0, Optional.empty()).reply().orElseThrow();
    membership.memberTurn(GROUP, "doctor1", 1, offer);

    assertThatThrownBy(() -> membership.memberTurn(GROUP, "doctor1", 3, JoinMessage.of(new byte[] {'{'})))
        .isInstanceOf(JoinRejectedException.class);
    assertThat(membership.memberKey(GROUP, "doctor1")).isEmpty();
  }

  @Test
  void managerTurn_unknownGroup_throwsJoinRejected() {
    assertThatThrownBy(() -> membership.managerTurn("nowhere", "doctor1", 0, Optional.empty()))
        .isInstanceOf(JoinRejectedException.class).hasMessage("no hospital group 'nowhere'");
  }

  @Test
  void secrets_onDisk_neverInClear() throws Exception {
    join("doctor1");
    String memberKey = membership.memberKey(GROUP, "doctor1").orElseThrow().toBase64();

    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).allSatisfy(file ->
          assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain(memberKey.substring(0, 40)));
    }
  }

  @Test
  void memberKey_unchangedKeystoreEntry_returnsTheKeyOpenedBefore() throws Exception {
    join("doctor1");

    MemberKey opened = membership.memberKey(GROUP, "doctor1").orElseThrow();

    assertThat(membership.memberKey(GROUP, "doctor1").orElseThrow()).isSameAs(opened);
  }

  @Test
  void memberKey_entryReplaced_opensTheNewKey() throws Exception {
    join("doctor1");
    join("doctor2");
    membership.memberKey(GROUP, "doctor1");
    String other = membership.memberKey(GROUP, "doctor2").orElseThrow().toBase64();

    keyring.writeSecret("doctor1", "group." + GROUP + ".member-key", other.getBytes(StandardCharsets.US_ASCII));

    assertThat(membership.memberKey(GROUP, "doctor1").orElseThrow().toBase64()).isEqualTo(other);
  }

  @Test
  void memberKey_entryDeleted_isEmpty() throws Exception {
    join("doctor1");
    membership.memberKey(GROUP, "doctor1");

    keyring.deleteSecret("doctor1", "group." + GROUP + ".member-key");

    assertThat(membership.memberKey(GROUP, "doctor1")).isEmpty();
  }

  private static ObjectNode json(JoinMessage message) throws Exception {
    return (ObjectNode) JSON.readTree(message.bytes());
  }

  private String join(String doctor) throws Exception {
    JoinMessage offer = membership.managerTurn(GROUP, doctor, 0, Optional.empty()).reply().orElseThrow();
    JoinMessage commitment = membership.memberTurn(GROUP, doctor, 1, offer).reply().orElseThrow();
    JoinTurn admitted = membership.managerTurn(GROUP, doctor, 2, Optional.of(commitment));
    assertThat(membership.memberTurn(GROUP, doctor, 3, admitted.reply().orElseThrow()).complete()).isTrue();
    return admitted.membershipEntry().orElseThrow();
  }
}
