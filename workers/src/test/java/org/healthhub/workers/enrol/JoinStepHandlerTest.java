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
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.Topics;
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

  @TempDir Path dir;

  private final ScriptedMembership membership = new ScriptedMembership();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void manager_openingStep_sendsMessageAndCountsStep() throws Exception {
    TaskOutcome outcome = manager().handle(task(Topics.GROUPSIG_JOIN_MANAGER, null, null));

    assertThat(outcome).isEqualTo(TaskOutcome.complete(Map.of("joinStep", 1, "joinStatus", "IN_PROGRESS", "joinMessage", "AQ==")));
    assertThat(membership.turns).containsExactly("manager st-mary/doctor1 step 0 -");
  }

  @Test
  void manager_secondDelivery_doesNotTakeTheTurnAgain() throws Exception {
    JoinStepHandler handler = manager();
    TaskOutcome first = handler.handle(task(Topics.GROUPSIG_JOIN_MANAGER, 2, "Ag=="));
    TaskOutcome second = handler.handle(task(Topics.GROUPSIG_JOIN_MANAGER, 2, "Ag=="));

    assertThat(second).isEqualTo(first);
    assertThat(membership.turns).hasSize(1);
  }

  @Test
  void manager_admitsMember_persistsMembershipEntry() throws Exception {
    MembershipList list = new FileMembershipList(dir.resolve("groups"));
    membership.managerAnswer = JoinTurn.admit(JoinMessage.of(new byte[] {3}), "ZW50cnk=");

    JoinStepHandler.manager(membership, list, results(), clock).handle(task(Topics.GROUPSIG_JOIN_MANAGER, 2, "Ag=="));

    assertThat(list.find("st-mary", "doctor1"))
        .contains(new MemberEntry("st-mary", "doctor1", "ZW50cnk=", clock.instant()));
  }

  @Test
  void member_lastStep_reportsComplete() throws Exception {
    TaskOutcome outcome = JoinStepHandler.member(membership, results()).handle(task(Topics.GROUPSIG_JOIN_MEMBER, 3, "Aw=="));

    assertThat(outcome).isEqualTo(TaskOutcome.complete(Map.of("joinStep", 4, "joinStatus", "COMPLETE")));
    assertThat(membership.turns).containsExactly("member st-mary/doctor1 step 3 Aw==");
  }

  @Test
  void member_messageDoesNotVerify_bpmnErrorJoinRejected() throws Exception {
    membership.rejectMember = true;

    TaskOutcome outcome = JoinStepHandler.member(membership, results()).handle(task(Topics.GROUPSIG_JOIN_MEMBER, 3, "Aw=="));

    assertThat(outcome).isEqualTo(TaskOutcome.bpmnError(JoinStepHandler.JOIN_REJECTED, "certificate does not verify"));
  }

  @Test
  void member_withoutMessage_technicalFailure() {
    assertThatThrownBy(() -> JoinStepHandler.member(membership, results()).handle(task(Topics.GROUPSIG_JOIN_MEMBER, 1, null)))
        .hasMessageContaining("needs the string variable 'joinMessage'");
  }

  private JoinStepHandler manager() {
    return JoinStepHandler.manager(membership, new FileMembershipList(dir.resolve("groups")), results(), clock);
  }

  private HandlerResults results() {
    return new HandlerResults(dir.resolve("results"));
  }

  private static TaskInput task(String topic, Integer step, String message) {
    Map<String, Object> variables = new HashMap<>(Map.of("hospitalGroupId", "st-mary", "doctorId", "doctor1"));
    variables.put("joinStep", step);
    variables.put("joinMessage", message);
    return new TaskInput(topic, null, "pi-1", "ServiceTask_Join", variables, null);
  }
}
