package org.healthhub.crypto.groupsig.klap20;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.SchemeRoundTripContract;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.junit.jupiter.api.Test;

class Klap20Test extends SchemeRoundTripContract {
  private final Klap20 klap20 = new Klap20();

  @Override
  protected GroupSignatureScheme scheme() {
    return klap20;
  }

  @Test
  void open_freshMember_namesItAndProofVerifies() throws Exception {
    Joined first = joinedGroup();
    Joined second = join(first.setup(), first.gml());
    GroupSignature signature = sign("record 42", second);
    // open picks one of the two opener halves at random: both must name the same member
    for (int attempt = 0; attempt < 6; attempt++) {
      Opening.Opened opened =
          klap20.open(reparsed(signature), second.setup().groupKey(), second.setup().managerKey(), second.gml(), rng);
      assertThat(opened.memberId()).isEqualTo(second.gml().memberIds().get(1));
      klap20.verifyOpening(reparsed(signature), second.setup().groupKey(), opened.proofBase64().orElseThrow());
    }
  }

  @Test
  void open_memberNotInList_throwsSignerNotFound() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42", group);
    assertThatThrownBy(
            () -> klap20.open(signature, group.setup().groupKey(), group.setup().managerKey(), group.setup().gml(), rng))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void verifyOpening_proofOfOtherSignature_rejects() throws Exception {
    Joined group = joinedGroup();
    GroupSignature first = sign("record 42", group);
    GroupSignature second = sign("record 42", group);
    String proof =
        klap20.open(first, group.setup().groupKey(), group.setup().managerKey(), group.gml(), rng)
            .proofBase64().orElseThrow();
    assertThatThrownBy(() -> klap20.verifyOpening(second, group.setup().groupKey(), proof))
        .isInstanceOf(InvalidSignatureException.class);
  }

  /**
   * With uu = vv = ww = 0 the pairing check holds and the proof's commitment uu·s + ww·c is 0
   * whatever s, so c = Chal(M ‖ 0 ‖ 0 ‖ 0) forges a signature without a key; pygroupsig's rule
   * accepts it. Ours refuses the identity uu on import and in verify.
   */
  @Test
  void verify_identityCredentialForgery_rejects() throws Exception {
    Joined group = joinedGroup();
    Fr c = new Transcript().addUtf8("forged").add(G1.zero()).add(G1.zero()).add(G1.zero()).challenge();
    DiscreteLogProof pi = new DiscreteLogProof(c, Fr.of(7));
    assertThat(pi.verifies(G1.zero(), G1.zero(), Transcript.utf8("forged"))).isTrue();
    Klap20Signature forged = new Klap20Signature(G1.zero(), G1.zero(), G1.zero(), pi);
    assertThatThrownBy(() -> klap20.importSignature(forged.toBase64()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("uu");
    assertThatThrownBy(() -> klap20.verify("forged", forged, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("identity");
  }
}
