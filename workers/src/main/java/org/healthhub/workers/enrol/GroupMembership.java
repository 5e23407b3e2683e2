package org.healthhub.workers.enrol;

import java.util.Optional;

/**
 * The two sides of a group-signature join protocol, message by message. The manager side uses
 * the group's manager key, the member side the doctor's keystore; neither key ever leaves its
 * side, and the messages are what the scheme sends over a public channel (they travel in process
 * variables). Turns alternate, the manager's first; {@code step} counts the messages sent so far.
 *
 * <p>Messages end up in the engine's history. Where a scheme's message would let its reader open
 * signatures (PS16's member-to-manager message carries the GML entry), the implementation must
 * encrypt it for the receiving party before returning it.
 *
 * <p>A turn may be asked twice for the same step (tasks are delivered at least once): it must then
 * give an equivalent answer and not fail because it ran before.
 */
public interface GroupMembership {

  /**
   * The manager's turn: opens the join at step 0 ({@code incoming} empty), answers the member later.
   *
   * @throws JoinRejectedException when the member's message does not verify
   * @throws Exception any other failure is technical and retried
   */
  JoinTurn managerTurn(String groupId, String memberId, int step, Optional<JoinMessage> incoming) throws Exception;

  /**
   * The member's turn: answers the manager's message; the last one stores the member key.
   *
   * @throws JoinRejectedException when the manager's message does not verify
   * @throws Exception any other failure is technical and retried
   */
  JoinTurn memberTurn(String groupId, String memberId, int step, JoinMessage incoming) throws Exception;
}
