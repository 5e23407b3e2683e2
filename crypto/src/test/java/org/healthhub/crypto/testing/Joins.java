package org.healthhub.crypto.testing;

import java.security.GeneralSecurityException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.mcl.RandomScalars;

/** Runs a scheme's join in one process, for tests that only need a member. */
public final class Joins {
  private Joins() {}

  /** A complete member key of {@code setup}'s group, the messages passed in memory. */
  public static MemberKey join(GroupSignatureScheme scheme, GroupSetup setup, RandomScalars rng)
      throws GeneralSecurityException {
    JoinMessage toMember = null;
    MemberKey partial = null;
    Gml gml = setup.gml();
    while (true) {
      ManagerJoinStep managerStep = scheme.joinManager(setup.groupKey(), setup.managerKey(), gml, toMember, rng);
      gml = managerStep.gml();
      MemberJoinStep memberStep = scheme.joinMember(setup.groupKey(), partial, managerStep.message(), rng);
      partial = memberStep.partialKey();
      if (memberStep.complete()) {
        return partial;
      }
      toMember = memberStep.reply();
    }
  }
}
