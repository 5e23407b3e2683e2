package org.healthhub.workers.enrol;

import java.util.Optional;

/**
 * What one party does in its turn of the join.
 *
 * @param reply the message for the other party; empty only when the join is complete
 * @param complete no message follows: the member holds its key
 * @param membershipEntry the manager's public record of the new member, to keep in the {@link MembershipList}
 */
public record JoinTurn(Optional<JoinMessage> reply, boolean complete, Optional<String> membershipEntry) {

  public JoinTurn {
    if (reply.isEmpty() && !complete) {
      throw new IllegalArgumentException("a join turn that does not complete the join must send a message");
    }
  }

  public static JoinTurn send(JoinMessage message) {
    return new JoinTurn(Optional.of(message), false, Optional.empty());
  }

  public static JoinTurn admit(JoinMessage message, String membershipEntry) {
    return new JoinTurn(Optional.of(message), false, Optional.of(membershipEntry));
  }

  public static JoinTurn completed() {
    return new JoinTurn(Optional.empty(), true, Optional.empty());
  }
}
