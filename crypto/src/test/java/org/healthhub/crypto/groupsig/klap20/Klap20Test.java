package org.healthhub.crypto.groupsig.klap20;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.OpeningRoundTripContract;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.junit.jupiter.api.Test;

class Klap20Test extends OpeningRoundTripContract {
  private final Klap20 klap20 = new Klap20();

  @Override
  protected GroupSignatureScheme scheme() {
    return klap20;
  }

  @Override
  protected Opening opening() {
    return klap20;
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
