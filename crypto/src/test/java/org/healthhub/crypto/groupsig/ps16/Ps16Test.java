package org.healthhub.crypto.groupsig.ps16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.OpeningRoundTripContract;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.junit.jupiter.api.Test;

class Ps16Test extends OpeningRoundTripContract {
  private final Ps16 ps16 = new Ps16();

  @Override
  protected GroupSignatureScheme scheme() {
    return ps16;
  }

  @Override
  protected Opening opening() {
    return ps16;
  }

  /**
   * With sigma1 = sigma2 = 0 every pairing in pygroupsig's verify is 1, so R = 1 and
   * c = Chal(0 ‖ 0 ‖ 1 ‖ M) makes a valid signature for any s, without any key. pygroupsig's
   * rule accepts it; ours refuses the identity sigma1 on import and in verify.
   */
  @Test
  void verify_identityCredentialForgery_rejectedOnImport() throws Exception {
    Joined group = joinedGroup();
    Ps16GroupKey key = (Ps16GroupKey) group.setup().groupKey();
    GT r = Pairing.multiPairing(List.of(G1.zero(), G1.zero(), G1.zero()), List.of(key.bigX, key.gg, key.bigY));
    assertThat(r.isOne()).isTrue();
    Fr c = new Transcript().add(G1.zero()).add(G1.zero()).add(r).addUtf8("forged").challenge();
    Ps16Signature forged = new Ps16Signature(G1.zero(), G1.zero(), new DiscreteLogProof(c, Fr.of(7)));
    assertThatThrownBy(() -> ps16.importSignature(forged.toBase64()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("sigma1");
    assertThatThrownBy(() -> ps16.verify("forged", forged, key))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("identity");
  }
}
