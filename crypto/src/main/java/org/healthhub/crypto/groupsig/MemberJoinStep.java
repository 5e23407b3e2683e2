package org.healthhub.crypto.groupsig;

/**
 * The member's reply and its key after this step; {@code complete} once the key can sign.
 * {@code partialKey} holds secrets whether complete or not.
 */
public record MemberJoinStep(JoinMessage reply, MemberKey partialKey, boolean complete) {
  @Override
  public String toString() {
    return "MemberJoinStep[complete=" + complete + "]";
  }
}
