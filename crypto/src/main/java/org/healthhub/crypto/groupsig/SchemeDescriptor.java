package org.healthhub.crypto.groupsig;

import java.util.Set;

/**
 * What a scheme is and offers.
 *
 * @param name the scheme's name ("bbs04", "dl21seq", ...)
 * @param exportLabel the {@code "scheme"} label of its exports (dl21seq's exports say "dl21",
 *     as pygroupsig writes them)
 * @param joinMessages how many messages the join exchanges before the member's final reply
 *     (pygroupsig's {@code join_seq}: 1 for bbs04, 3 for the others)
 */
public record SchemeDescriptor(
    String name, String exportLabel, int joinMessages, Set<Capability> capabilities) {

  public SchemeDescriptor {
    capabilities = Set.copyOf(capabilities);
  }

  public boolean offers(Capability capability) {
    return capabilities.contains(capability);
  }

  /** Operations beyond setup, join, sign and verify. */
  public enum Capability {
    OPEN,
    OPEN_VERIFY,
    DUAL_CONTROL_OPEN,
    REVEAL,
    TRACE,
    PROVE_EQUALITY,
    CLAIM,
    BLIND,
    CONVERT,
    UNBLIND,
    IDENTIFY,
    LINK,
    SEQLINK
  }
}
