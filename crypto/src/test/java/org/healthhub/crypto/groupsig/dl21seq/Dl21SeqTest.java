package org.healthhub.crypto.groupsig.dl21seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.LinkStatement;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SchemeRoundTripContract;
import org.healthhub.crypto.groupsig.dl21.Dl21;
import org.junit.jupiter.api.Test;

class Dl21SeqTest extends SchemeRoundTripContract {
  private static final String SCOPE = "ward-3";
  private final Dl21Seq dl21seq = new Dl21Seq();

  @Override
  protected GroupSignatureScheme scheme() {
    return dl21seq;
  }

  private List<GroupSignature> signAtStates(Joined group, long... states) throws Exception {
    GroupSignature[] out = new GroupSignature[states.length];
    for (int i = 0; i < states.length; i++) {
      out[i] = reparsed(dl21seq.sign("m" + i, group.member(), group.setup().groupKey(), SCOPE, states[i], rng));
    }
    return List.of(out);
  }

  @Test
  void seqlink_consecutiveStatesInOrder_verifies() throws Exception {
    Joined group = joinedGroup();
    List<GroupSignature> signatures = signAtStates(group, 4, 5, 6);
    List<String> messages = List.of("m0", "m1", "m2");
    LinkStatement claim = new LinkStatement("claim", messages, signatures, SCOPE);
    String proof = dl21seq.seqlink(claim, group.member(), group.setup().groupKey(), rng);
    dl21seq.verifySeqlink(claim, proof, group.setup().groupKey());
    String linkProof = dl21seq.link(claim, group.member(), group.setup().groupKey(), rng);
    dl21seq.verifyLink(claim, linkProof, group.setup().groupKey());
  }

  @Test
  void verifySeqlink_skippedState_rejects() throws Exception {
    Joined group = joinedGroup();
    List<GroupSignature> signatures = signAtStates(group, 0, 2);
    List<String> messages = List.of("m0", "m1");
    LinkStatement claim = new LinkStatement("claim", messages, signatures, SCOPE);
    String proof = dl21seq.seqlink(claim, group.member(), group.setup().groupKey(), rng);
    assertThatThrownBy(() -> dl21seq.verifySeqlink(claim, proof, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("follow");
  }

  @Test
  void verifySeqlink_proofWithFewerOutputs_rejects() throws Exception {
    Joined group = joinedGroup();
    List<GroupSignature> one = signAtStates(group, 0);
    String proof = dl21seq.seqlink(new LinkStatement("claim", List.of("m0"), one, SCOPE), group.member(), group.setup().groupKey(), rng);
    List<GroupSignature> two = List.of(one.get(0), one.get(0));
    assertThatThrownBy(() -> dl21seq.verifySeqlink(new LinkStatement("claim", List.of("m0", "m0"), two, SCOPE), proof, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void exports_ofFreshObjects_areLabelledDl21seq() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("m", group);
    for (String export : List.of(signature.toBase64(), group.member().toBase64(),
        group.setup().groupKey().toBase64(), group.setup().managerKey().toBase64())) {
      assertThat(decode(export)).startsWith("{\"scheme\": \"dl21seq\"");
    }
  }

  @Test
  void dl21_groupKeyOfDl21seq_isMalformed() throws Exception {
    Joined group = joinedGroup();
    MemberKey dl21Member = ((Dl21SeqMemberKey) group.member()).core;
    assertThatThrownBy(() -> new Dl21().sign("m", dl21Member, group.setup().groupKey(), rng))
        .isInstanceOf(org.healthhub.crypto.MalformedInputException.class)
        .hasMessageContaining("dl21 group key expected");
  }

  @Test
  void dl21_doesNotReadDl21seqSignatures() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("m", group);
    assertThatThrownBy(() -> new Dl21().importSignature(signature.toBase64()))
        .isInstanceOf(org.healthhub.crypto.MalformedInputException.class);
  }

  /**
   * The limit we cannot close without leaving pygroupsig's format (crypto/README.md): seq and the
   * proof's x list are covered by no challenge, and seq derives from the member's secret PRF
   * keys, so whoever saw one sequential link (which reveals the x values) can reorder those
   * signatures, rewrite their seq[2] to chain in the new order, and reuse the proof.
   */
  @Test
  void verifySeqlink_reorderWithRewrittenSeq2_passes_documentedLimit() throws Exception {
    Joined group = joinedGroup();
    List<GroupSignature> signatures = signAtStates(group, 0, 1, 2);
    List<String> messages = List.of("m0", "m1", "m2");
    String proof = dl21seq.seqlink(new LinkStatement("claim", messages, signatures, SCOPE), group.member(), group.setup().groupKey(), rng);
    org.healthhub.crypto.groupsig.spk.DiscreteLogProof2 honest =
        org.healthhub.crypto.groupsig.spk.DiscreteLogProof2.fromBase64(proof);
    List<String> x = honest.x();
    Dl21SeqSignature s0 = (Dl21SeqSignature) signatures.get(0);
    Dl21SeqSignature s1 = (Dl21SeqSignature) signatures.get(1);
    Dl21SeqSignature s2 = (Dl21SeqSignature) signatures.get(2);
    GroupSignature s2After0 = rewrittenChain(s2, x.get(0), x.get(2));
    GroupSignature s1After2 = rewrittenChain(s1, x.get(2), x.get(1));
    String reordered =
        new org.healthhub.crypto.groupsig.spk.DiscreteLogProof2(honest.proof(), List.of(x.get(0), x.get(2), x.get(1))).toBase64();
    dl21seq.verifySeqlink(new LinkStatement("claim", List.of("m0", "m2", "m1"), List.of(s0, s2After0, s1After2), SCOPE), reordered, group.setup().groupKey());
  }

  private static GroupSignature rewrittenChain(Dl21SeqSignature signature, String previousX, String x) {
    java.util.HexFormat hex = java.util.HexFormat.of();
    byte[] a = hex.parseHex(previousX);
    byte[] b = hex.parseHex(x);
    for (int i = 0; i < a.length; i++) {
      a[i] ^= b[i];
    }
    SeqValues seq = new SeqValues(signature.seq.current(), signature.seq.hashOfX(), SeqValues.sha256Hex(a));
    return new Dl21SeqSignature("dl21seq", signature.core, seq);
  }
}
