package org.healthhub.workers.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.storage.StorageException;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.Topics;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinStepHandlerTest {

  /** A scripted join: records each turn it is asked for and answers from the script. */
  private static final class ScriptedMembership implements GroupMembership {
    final List<String> turns = new ArrayList<>();
    JoinTurn managerAnswer = JoinTurn.send(JoinMessage.of(new byte[] {1}));
    JoinTurn memberAnswer = JoinTurn.completed();
    boolean rejectMember;

    @Override
    public JoinTurn managerTurn(String groupId, String memberId, int step, Optional<JoinMessage> incoming) {
      turns.add("manager " + groupId + "/" + memberId + " step " + step + " " + incoming.map(JoinMessage::base64).orElse("-"));
      return managerAnswer;
    }

    @Override
    public JoinTurn memberTurn(String groupId, String memberId, int step, JoinMessage incoming) throws JoinRejectedException {
      turns.add("member " + groupId + "/" + memberId + " step " + step + " " + incoming.base64());
      if (rejectMember) {
        throw new JoinRejectedException("certificate does not verify");
      }
      return memberAnswer;
    }
  }

  private static final GroupManagers MANAGERS = group -> "groupmanager";

  @TempDir Path dir;

  private final ScriptedMembership membership = new ScriptedMembership();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private JoinChannel channel;

  @BeforeEach
  void openChannel() throws StorageException {
    Keyring keyring = TestKeyrings.of(dir.resolve("keys"), "groupmanager", "doctor1");
    channel = new JoinChannel(new EmbeddedBlobStore(dir.resolve("blobs")), keyring);
  }

  @Test
  void manager_openingStep_sendsMessageAndCountsStep() throws Exception {
    TaskOutcome outcome = manager().handle(task(Topics.GROUPSIG_JOIN_MANAGER, null, null));

    Map<String, Object> variables = ((TaskOutcome.Completed) outcome).variables();
    assertThat(variables).containsEntry("joinStep", 1).containsEntry("joinStatus", "IN_PROGRESS");
    assertThat(channel.receive((String) variables.get("joinMessageCid"), "doctor1", "st-mary", "doctor1", 0).base64())
        .isEqualTo("AQ==");
    assertThat(membership.turns).containsExactly("manager st-mary/doctor1 step 0 -");
  }

  @Test
  void manager_secondDelivery_doesNotTakeTheTurnAgain() throws Exception {
    JoinStepHandler handler = manager();
    TaskInput task = task(Topics.GROUPSIG_JOIN_MANAGER, 2, toManager("Ag=="));
    TaskOutcome first = handler.handle(task);
    TaskOutcome second = handler.handle(task);

    assertThat(second).isEqualTo(first);
    assertThat(membership.turns).hasSize(1);
  }

  @Test
  void manager_admitsMember_persistsMembershipEntry() throws Exception {
    MembershipList list = new FileMembershipList(dir.resolve("groups"));
    membership.managerAnswer = JoinTurn.admit(JoinMessage.of(new byte[] {3}), "ZW50cnk=");

    JoinStepHandler.manager(membership, channel, MANAGERS, list, results(), clock)
        .handle(task(Topics.GROUPSIG_JOIN_MANAGER, 2, toManager("Ag==")));

    assertThat(list.find("st-mary", "doctor1"))
        .contains(new MemberEntry("st-mary", "doctor1", "ZW50cnk=", clock.instant()));
  }

  @Test
  void member_lastStep_reportsComplete() throws Exception {
    TaskOutcome outcome = member().handle(task(Topics.GROUPSIG_JOIN_MEMBER, 3, toMember("Aw==", 2)));

    assertThat(outcome).isEqualTo(TaskOutcome.complete(Map.of("joinStep", 4, "joinStatus", "COMPLETE")));
    assertThat(membership.turns).containsExactly("member st-mary/doctor1 step 3 Aw==");
  }

  @Test
  void member_messageDoesNotVerify_bpmnErrorJoinRejected() throws Exception {
    membership.rejectMember = true;

    TaskOutcome outcome = member().handle(task(Topics.GROUPSIG_JOIN_MEMBER, 3, toMember("Aw==", 2)));

    assertThat(outcome).isEqualTo(TaskOutcome.bpmnError(JoinStepHandler.JOIN_REJECTED, "certificate does not verify"));
  }

  @Test
  void member_messageSealedForAnotherStep_bpmnErrorWithoutTakingTurn() throws Exception {
    TaskOutcome outcome = member().handle(task(Topics.GROUPSIG_JOIN_MEMBER, 3, toMember("Aw==", 0)));

    assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.BusinessError.class, error ->
        assertThat(error.message()).contains("join message 2 was not sealed to doctor1"));
    assertThat(membership.turns).isEmpty();
  }

  @Test
  void member_messageSealedToTheManager_bpmnError() throws Exception {
    TaskOutcome outcome = member().handle(task(Topics.GROUPSIG_JOIN_MEMBER, 3, toManager("Aw==")));

    assertThat(outcome).isInstanceOf(TaskOutcome.BusinessError.class);
    assertThat(membership.turns).isEmpty();
  }

  @Test
  void member_withoutMessage_technicalFailure() {
    assertThatThrownBy(() -> member().handle(task(Topics.GROUPSIG_JOIN_MEMBER, 1, null)))
        .hasMessageContaining("needs the string variable 'joinMessageCid'");
  }

  private JoinStepHandler manager() {
    return JoinStepHandler.manager(membership, channel, MANAGERS, new FileMembershipList(dir.resolve("groups")), results(), clock);
  }

  private JoinStepHandler member() {
    return JoinStepHandler.member(membership, channel, MANAGERS, results());
  }

  /** Message 1, the member's, sealed to the manager. */
  private String toManager(String base64) throws Exception {
    return channel.send(new JoinMessage(base64), "groupmanager", "st-mary", "doctor1", 1);
  }

  private String toMember(String base64, int index) throws Exception {
    return channel.send(new JoinMessage(base64), "doctor1", "st-mary", "doctor1", index);
  }

  private HandlerResults results() {
    return new HandlerResults(dir.resolve("results"));
  }

  private static TaskInput task(String topic, Integer step, String messageCid) {
    Map<String, Object> variables = new HashMap<>(Map.of("hospitalGroupId", "st-mary", "doctorId", "doctor1"));
    variables.put("joinStep", step);
    variables.put("joinMessageCid", messageCid);
    return new TaskInput(topic, null, "pi-1", "ServiceTask_Join", variables, null);
  }
}
