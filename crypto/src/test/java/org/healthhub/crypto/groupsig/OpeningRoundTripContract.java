package org.healthhub.crypto.groupsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The opening checks of ps16 and klap20 with fresh keys, beside the round trip. */
public abstract class OpeningRoundTripContract extends SchemeRoundTripContract {
  protected abstract Opening opening();

  private Opening.Opened open(GroupSignature signature, Joined group, Gml gml) throws Exception {
    GroupSetup setup = group.setup();
    return opening().open(reparsed(signature), setup.groupKey(), setup.managerKey(), gml, rng);
  }

  @Test
  void open_freshMember_namesItAndProofVerifies() throws Exception {
    Joined first = joinedGroup();
    Joined second = join(first.setup(), first.gml());
    GroupSignature signature = sign("record 42", second);
    // klap20 picks one of two opener halves at random: every open must name the same member
    for (int attempt = 0; attempt < 4; attempt++) {
      Opening.Opened opened = open(signature, second, second.gml());
      assertThat(opened.memberId()).isEqualTo(second.gml().memberIds().get(1));
      opening().verifyOpening(reparsed(signature), second.setup().groupKey(), opened.proofBase64().orElseThrow());
    }
  }

  @Test
  void open_memberNotInList_throwsSignerNotFound() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42", group);
    assertThatThrownBy(() -> open(signature, group, group.setup().gml()))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void verifyOpening_proofOfOtherSignature_rejects() throws Exception {
    Joined group = joinedGroup();
    GroupSignature first = sign("record 42", group);
    GroupSignature second = sign("record 42", group);
    String proof = open(first, group, group.gml()).proofBase64().orElseThrow();
    assertThatThrownBy(() -> opening().verifyOpening(second, group.setup().groupKey(), proof))
        .isInstanceOf(InvalidSignatureException.class);
  }
}
