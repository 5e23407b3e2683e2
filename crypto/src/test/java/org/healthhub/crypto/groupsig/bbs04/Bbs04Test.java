package org.healthhub.crypto.groupsig.bbs04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.BatchVerification;
import org.healthhub.crypto.groupsig.BatchVerification.BatchRejectedException;
import org.healthhub.crypto.groupsig.BatchVerification.CommittedSigned;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureSchemes;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.JoinRejectedException;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.SignatureSplicing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fresh random keys, the join run through messages re-parsed from JSON as two processes would. */
class Bbs04Test {
  private static final Bbs04 BBS04 = new Bbs04();
  private static final RandomScalars RNG = RandomScalars.secure();
  private static GroupSetup group;
  private static Gml gml;
  private static MemberKey member;

  @BeforeAll
  static void setUpGroupAndMember() throws Exception {
    group = BBS04.setup(RNG);
    ManagerJoinStep offer =
        BBS04.joinManager(group.groupKey(), group.managerKey(), group.gml(), null, RNG);
    gml = offer.gml();
    JoinMessage received = JoinMessage.fromJson(offer.message().toJson());
    MemberJoinStep step = BBS04.joinMember(group.groupKey(), null, received, RNG);
    assertThat(step.complete()).isTrue();
    assertThat(JoinMessage.fromJson(step.reply().toJson()).status()).isEqualTo("success");
    member = BBS04.importMemberKey(step.partialKey().toBase64());
  }

  @Test
  void registry_byName_findsBbs04() {
    assertThat(GroupSignatureSchemes.byName("bbs04")).isInstanceOf(Bbs04.class);
  }

  @Test
  void importGroupKey_precomputedPairingLies_isMalformed() {
    Bbs04GroupKey key = (Bbs04GroupKey) group.groupKey();
    String lying =
        new Bbs04GroupKey(key.g1, key.g2, key.h, key.u, key.v, key.w, key.hw, key.hw, key.g1g2)
            .toBase64();
    assertThatThrownBy(() -> BBS04.importGroupKey(lying))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("hg2 is not the pairing");
  }

  @Test
  void verifyAllCommitted_equationsHoldButChallengeIsNotTheirHash_rejects() throws Exception {
    Bbs04Signature s = (Bbs04Signature) BBS04.sign("record 42", member, group.groupKey(), RNG);
    Bbs04Signature otherC =
        new Bbs04Signature(s.t1, s.t2, s.t3, s.c.add(Fr.one()), s.salpha, s.sbeta, s.sx, s.sdelta1, s.sdelta2);
    // the commitments a verifier derives from (c + 1, s): every equation holds for them
    Bbs04CommittedSignature forged =
        Bbs04.recomputeCommitments(otherC, (Bbs04GroupKey) group.groupKey());
    BatchRejectedException rejected = catchThrowableOfType(
        () -> BatchVerification.verifyAllCommitted(
            BBS04, group.groupKey(), List.of(new CommittedSigned("record 42", forged))),
        BatchRejectedException.class);
    assertThat(rejected.indices()).containsExactly(0);
    assertThat(rejected.rejected().get(0)).contains("not the hash");
  }

  @Test
  void signVerify_valid() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    BBS04.verify("record 42", BBS04.importSignature(signature.toBase64()), group.groupKey());
  }

  @Test
  void verify_wrongMessage_rejects() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    assertThatThrownBy(() -> BBS04.verify("record 43", signature, group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("challenge");
  }

  @Test
  void verify_wrongGroup_rejects() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    GroupSetup other = BBS04.setup(RNG);
    assertThatThrownBy(() -> BBS04.verify("record 42", signature, other.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verify_tamperedSignature_rejects() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    GroupSignature other = BBS04.sign("record 42", member, group.groupKey(), RNG);
    // T3 of one signature with the proof of another: well formed, but not a signature
    String tampered = SignatureSplicing.spliceField(signature.toBase64(), other.toBase64(), "T3");
    assertThatThrownBy(
            () -> BBS04.verify("record 42", BBS04.importSignature(tampered), group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verify_loneSurrogate_isMalformed() throws Exception {
    GroupSignature signature = BBS04.sign("record", member, group.groupKey(), RNG);
    assertThatThrownBy(() -> BBS04.verify("\uD800", signature, group.groupKey()))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void memberKey_exportImport_roundTrips() throws Exception {
    assertThat(BBS04.importMemberKey(member.toBase64()).toBase64()).isEqualTo(member.toBase64());
  }

  @Test
  void groupAndManagerKey_exportImport_roundTrip() throws Exception {
    String groupKey = group.groupKey().toBase64();
    String managerKey = group.managerKey().toBase64();
    assertThat(BBS04.importGroupKey(groupKey).toBase64()).isEqualTo(groupKey);
    assertThat(BBS04.importManagerKey(managerKey).toBase64()).isEqualTo(managerKey);
  }

  @Test
  void secretKeys_toString_showNoSecret() {
    assertThat(member.toString()).isEqualTo("Bbs04MemberKey[secret]");
    assertThat(group.managerKey().toString()).isEqualTo("OpeningManagerKey[bbs04, secret]");
  }

  @Test
  void open_signature_namesTheMember() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    String id = BBS04.open(signature, group.groupKey(), group.managerKey(), gml, RNG).memberId();
    assertThat(gml.memberIds()).containsExactly(id);
  }

  @Test
  void open_emptyGml_findsNoSigner() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    assertThatThrownBy(
            () -> BBS04.open(signature, group.groupKey(), group.managerKey(), Gml.empty(), RNG))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void verifyOpening_isUnsupported() throws Exception {
    GroupSignature signature = BBS04.sign("record 42", member, group.groupKey(), RNG);
    assertThatThrownBy(() -> BBS04.verifyOpening(signature, group.groupKey(), "e30="))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void joinMember_credentialOfAnotherGroup_rejects() throws Exception {
    GroupSetup other = BBS04.setup(RNG);
    JoinMessage foreign =
        BBS04.joinManager(other.groupKey(), other.managerKey(), other.gml(), null, RNG).message();
    assertThatThrownBy(() -> BBS04.joinMember(group.groupKey(), null, foreign, RNG))
        .isInstanceOf(JoinRejectedException.class);
  }

  @Test
  void importMemberKey_groupKeyGiven_isMalformed() {
    assertThatThrownBy(() -> BBS04.importMemberKey(group.groupKey().toBase64()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("type");
  }
}
