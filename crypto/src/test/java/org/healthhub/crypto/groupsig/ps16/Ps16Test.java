package org.healthhub.crypto.groupsig.ps16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.Opening;
import org.healthhub.crypto.groupsig.SchemeRoundTripContract;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.junit.jupiter.api.Test;

class Ps16Test extends SchemeRoundTripContract {
  private final Ps16 ps16 = new Ps16();

  @Override
  protected GroupSignatureScheme scheme() {
    return ps16;
  }

  @Test
  void open_freshMember_namesItAndProofVerifies() throws Exception {
    Joined first = joinedGroup();
    Joined second = join(first.setup(), first.gml());
    GroupSignature signature = sign("record 42", second);
    Opening.Opened opened =
        ps16.open(reparsed(signature), second.setup().groupKey(), second.setup().managerKey(), second.gml(), rng);
    assertThat(opened.memberId()).isEqualTo(second.gml().memberIds().get(1));
    ps16.verifyOpening(reparsed(signature), second.setup().groupKey(), opened.proofBase64().orElseThrow());
  }

  @Test
  void open_memberNotInList_throwsSignerNotFound() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42", group);
    assertThatThrownBy(
            () -> ps16.open(signature, group.setup().groupKey(), group.setup().managerKey(), group.setup().gml(), rng))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void verifyOpening_proofOfOtherSignature_rejects() throws Exception {
    Joined group = joinedGroup();
    GroupSignature first = sign("record 42", group);
    GroupSignature second = sign("record 42", group);
    String proof =
        ps16.open(first, group.setup().groupKey(), group.setup().managerKey(), group.gml(), rng)
            .proofBase64().orElseThrow();
    assertThatThrownBy(() -> ps16.verifyOpening(second, group.setup().groupKey(), proof))
        .isInstanceOf(InvalidSignatureException.class);
  }

  /**
   * With sigma1 = sigma2 = 0 every pairing in pygroupsig's verify is 1, so R = 1 and
   * c = Chal(0 ‖ 0 ‖ 1 ‖ M) makes a valid signature for any s, without any key. pygroupsig's
   * rule accepts it; ours refuses the identity sigma1 on import.
   */
  @Test
  void verify_identityCredentialForgery_rejectedOnImport() throws Exception {
    Joined group = joinedGroup();
    Fr c = new Transcript().add(G1.zero()).add(G1.zero()).add(GT.one()).addUtf8("forged").challenge();
    String forged =
        encode("{\"scheme\": \"ps16\", \"signature\": \""
            + new Fields.Writer()
                .put("sigma1", G1.zero())
                .put("sigma2", G1.zero())
                .raw("pi", new DiscreteLogProof(c, Fr.of(7)).toBase64())
                .toBase64()
            + "\"}");
    assertThatThrownBy(() -> ps16.importSignature(forged))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("sigma1");
    // pygroupsig's R for it: every pairing has an identity argument, so R = 1 and c matches
    assertThat(Pairing.pairing(G1.zero(), group.setup().groupKey() instanceof Ps16GroupKey k ? k.bigY : null).isOne())
        .isTrue();
    Ps16Signature bypass = new Ps16Signature(G1.zero(), G1.zero(), new DiscreteLogProof(c, Fr.of(7)));
    assertThatThrownBy(() -> ps16.verify("forged", bypass, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("identity");
  }
}
