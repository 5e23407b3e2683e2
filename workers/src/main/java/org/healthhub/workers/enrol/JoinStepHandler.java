package org.healthhub.workers.enrol;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;

/**
 * One party's step of the enrol-doctor join loop ({@code groupsig.join-manager} and
 * {@code groupsig.join-member}): opens the last message (sealed to this party, its CID in the
 * flow), takes the party's turn, and seals the reply to the other party. The manager's side also
 * lists the new member's public id in the membership list.
 */
public final class JoinStepHandler implements TaskHandler {

  /** Error code of a join message that does not verify (a business outcome: the request ends). */
  public static final String JOIN_REJECTED = "JOIN_REJECTED";

  static final String GROUP_ID = "hospitalGroupId";
  static final String MEMBER_ID = "doctorId";
  static final String STEP = "joinStep";
  static final String MESSAGE_CID = "joinMessageCid";
  static final String STATUS = "joinStatus";

  @FunctionalInterface
  private interface Turn {
    JoinTurn take(String groupId, String memberId, int step, Optional<JoinMessage> incoming) throws Exception;
  }

  private final Turn turn;
  private final boolean managerSide;
  private final JoinChannel channel;
  private final GroupManagers managers;
  private final Optional<MembershipList> membershipList;
  private final HandlerResults results;
  private final Clock clock;

  private JoinStepHandler(Turn turn, boolean managerSide, JoinChannel channel, GroupManagers managers,
      Optional<MembershipList> membershipList, HandlerResults results, Clock clock) {
    this.turn = turn;
    this.managerSide = managerSide;
    this.channel = channel;
    this.managers = managers;
    this.membershipList = membershipList;
    this.results = results;
    this.clock = clock;
  }

  /** The group manager's side, which keeps the membership list. */
  public static JoinStepHandler manager(GroupMembership membership, JoinChannel channel, GroupManagers managers,
      MembershipList list, HandlerResults results, Clock clock) {
    return new JoinStepHandler(membership::managerTurn, true, channel, managers, Optional.of(list), results, clock);
  }

  /** The doctor's side. */
  public static JoinStepHandler member(GroupMembership membership, JoinChannel channel, GroupManagers managers,
      HandlerResults results) {
    Turn memberTurn = (group, member, step, incoming) -> membership.memberTurn(group, member, step,
        incoming.orElseThrow(() -> new IllegalStateException("the member's turn " + step + " has no message to answer")));
    return new JoinStepHandler(memberTurn, false, channel, managers, Optional.empty(), results, Clock.systemUTC());
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    String groupId = task.requireString(GROUP_ID);
    String memberId = task.requireString(MEMBER_ID);
    int step = task.intOr(STEP, 0);
    try {
      return TaskOutcome.complete(results.once(task.resultKey("step-" + step), () -> {
        String manager = managers.managerOf(groupId);
        String self = managerSide ? manager : memberId;
        String other = managerSide ? memberId : manager;
        Optional<JoinMessage> incoming = step == 0 ? Optional.empty()
            : Optional.of(channel.receive(task.requireString(MESSAGE_CID), self, groupId, memberId, step - 1));
        JoinTurn taken = turn.take(groupId, memberId, step, incoming);
        if (taken.membershipEntry().isPresent()) {
          membershipList.orElseThrow(() -> new IllegalStateException("only the manager admits members"))
              .add(new MemberEntry(groupId, memberId, taken.membershipEntry().get(), clock.instant()));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(STEP, step + 1);
        variables.put(STATUS, taken.complete() ? "COMPLETE" : "IN_PROGRESS");
        if (taken.reply().isPresent()) {
          variables.put(MESSAGE_CID, channel.send(taken.reply().get(), other, groupId, memberId, step));
        }
        return variables;
      }));
    } catch (JoinRejectedException | UnknownGroupException e) {
      return TaskOutcome.bpmnError(JOIN_REJECTED, e.getMessage());
    }
  }
}
