package org.healthhub.crypto.groupsig.cpy06;

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
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.SignatureSplicing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fresh random keys; the join's four messages re-parsed from JSON, as two processes would. */
class Cpy06Test {
  private static final Cpy06 CPY06 = new Cpy06();
  private static final RandomScalars RNG = RandomScalars.secure();
  private static GroupSetup group;
  private static Gml gml;
  private static MemberKey alice;
  private static MemberKey bob;

  @BeforeAll
  static void setUpGroupAndMembers() throws Exception {
    group = CPY06.setup(RNG);
    gml = group.gml();
    alice = join();
    bob = join();
  }

  private static MemberKey join() throws Exception {
    ManagerJoinStep offer = CPY06.joinManager(group.groupKey(), group.managerKey(), gml, null, RNG);
    MemberJoinStep commit =
        CPY06.joinMember(
            group.groupKey(), null, JoinMessage.fromJson(offer.message().toJson()), RNG);
    assertThat(commit.complete()).isFalse();
    MemberKey saved = CPY06.importMemberKey(commit.partialKey().toBase64());
    ManagerJoinStep credential =
        CPY06.joinManager(
            group.groupKey(),
            group.managerKey(),
            offer.gml(),
            JoinMessage.fromJson(commit.reply().toJson()),
            RNG);
    gml = credential.gml();
    MemberJoinStep done =
        CPY06.joinMember(
            group.groupKey(), saved, JoinMessage.fromJson(credential.message().toJson()), RNG);
    assertThat(done.complete()).isTrue();
    return CPY06.importMemberKey(done.partialKey().toBase64());
  }

  @Test
  void registry_byName_findsCpy06() {
    assertThat(GroupSignatureSchemes.byName("cpy06")).isInstanceOf(Cpy06.class);
  }

  @Test
  void importGroupKey_precomputedPairingLies_isMalformed() {
    Cpy06GroupKey k = (Cpy06GroupKey) group.groupKey();
    String lying =
        new Cpy06GroupKey(k.q, k.r, k.w, k.x, k.y, k.z, k.e1, k.e2, k.e3, k.e4, k.e4).toBase64();
    assertThatThrownBy(() -> CPY06.importGroupKey(lying))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("e5 is not the pairing");
  }

  @Test
  void verifyAllCommitted_equationsHoldButChallengeIsNotTheirHash_rejects() throws Exception {
    Cpy06Signature s = (Cpy06Signature) CPY06.sign("record 42", alice, group.groupKey(), RNG);
    Cpy06Signature otherC =
        new Cpy06Signature(
            s.t1, s.t2, s.t3, s.t4, s.t5, s.c.add(Fr.one()), s.sr1, s.sr2, s.sd1, s.sd2, s.sx, s.st);
    Cpy06CommittedSignature forged =
        Cpy06.recomputeCommitments(otherC, (Cpy06GroupKey) group.groupKey());
    BatchRejectedException rejected = catchThrowableOfType(
        () -> BatchVerification.verifyAllCommitted(
            CPY06, group.groupKey(), List.of(new CommittedSigned("record 42", forged))),
        BatchRejectedException.class);
    assertThat(rejected.indices()).containsExactly(0);
    assertThat(rejected.rejected().get(0)).contains("not the hash");
  }

  @Test
  void signVerify_valid() throws Exception {
    GroupSignature signature = CPY06.sign("record 42", alice, group.groupKey(), RNG);
    CPY06.verify("record 42", CPY06.importSignature(signature.toBase64()), group.groupKey());
  }

  @Test
  void verify_wrongMessage_rejects() throws Exception {
    GroupSignature signature = CPY06.sign("record 42", alice, group.groupKey(), RNG);
    assertThatThrownBy(() -> CPY06.verify("record 43", signature, group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("challenge");
  }

  @Test
  void verify_wrongGroup_rejects() throws Exception {
    GroupSignature signature = CPY06.sign("record 42", alice, group.groupKey(), RNG);
    GroupSetup other = CPY06.setup(RNG);
    assertThatThrownBy(() -> CPY06.verify("record 42", signature, other.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verify_tamperedSignature_rejects() throws Exception {
    GroupSignature signature = CPY06.sign("record 42", alice, group.groupKey(), RNG);
    GroupSignature other = CPY06.sign("record 42", alice, group.groupKey(), RNG);
    String tampered = SignatureSplicing.spliceField(signature.toBase64(), other.toBase64(), "T4");
    assertThatThrownBy(
            () -> CPY06.verify("record 42", CPY06.importSignature(tampered), group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void memberKey_exportImport_roundTrips() throws Exception {
    assertThat(CPY06.importMemberKey(alice.toBase64()).toBase64()).isEqualTo(alice.toBase64());
    assertThat(alice.toString()).isEqualTo("Cpy06MemberKey[secret]");
  }

  @Test
  void sign_partialKey_isMalformed() throws Exception {
    ManagerJoinStep offer = CPY06.joinManager(group.groupKey(), group.managerKey(), gml, null, RNG);
    MemberKey partial = CPY06.joinMember(group.groupKey(), null, offer.message(), RNG).partialKey();
    assertThatThrownBy(() -> CPY06.sign("m", partial, group.groupKey(), RNG))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("partial");
  }

  @Test
  void joinManager_forgedProof_rejects() throws Exception {
    ManagerJoinStep offer = CPY06.joinManager(group.groupKey(), group.managerKey(), gml, null, RNG);
    JoinMessage commit = CPY06.joinMember(group.groupKey(), null, offer.message(), RNG).reply();
    JoinMessage other = CPY06.joinMember(group.groupKey(), null, offer.message(), RNG).reply();
    JoinMessage forged =
        JoinMessage.builder()
            .put("status", "success")
            .put("I", commit.string("I"))
            .put("pi", commit.string("pi"))
            .put("spk", other.string("spk"))
            .put("phase", 2)
            .build();
    assertThatThrownBy(
            () -> CPY06.joinManager(group.groupKey(), group.managerKey(), gml, forged, RNG))
        .isInstanceOf(JoinRejectedException.class);
  }

  @Test
  void open_signatures_nameTheirMembers() throws Exception {
    GroupSignature byAlice = CPY06.sign("a", alice, group.groupKey(), RNG);
    GroupSignature byBob = CPY06.sign("b", bob, group.groupKey(), RNG);
    String aliceId = CPY06.open(byAlice, group.groupKey(), group.managerKey(), gml, RNG).memberId();
    String bobId = CPY06.open(byBob, group.groupKey(), group.managerKey(), gml, RNG).memberId();
    assertThat(List.of(aliceId, bobId)).containsExactlyElementsOf(gml.memberIds());
    assertThatThrownBy(
            () -> CPY06.open(byAlice, group.groupKey(), group.managerKey(), Gml.empty(), RNG))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @Test
  void trace_revealedMember_isRevokedAndOthersNot() throws Exception {
    Gml crl = CPY06.reveal(gml.memberIds().get(1), gml, Gml.empty());
    assertThat(CPY06.trace(CPY06.sign("b", bob, group.groupKey(), RNG), group.groupKey(), crl))
        .isTrue();
    assertThat(CPY06.trace(CPY06.sign("a", alice, group.groupKey(), RNG), group.groupKey(), crl))
        .isFalse();
  }

  @Test
  void proveEquality_ownSignatures_verifiesAndOthersReject() throws Exception {
    GroupSignature first = CPY06.sign("1", alice, group.groupKey(), RNG);
    GroupSignature second = CPY06.sign("2", alice, group.groupKey(), RNG);
    GroupSignature byBob = CPY06.sign("3", bob, group.groupKey(), RNG);
    DiscreteLogProof proof =
        CPY06.proveEquality(List.of(first, second), alice, group.groupKey(), RNG);
    CPY06.verifyEquality(
        DiscreteLogProof.fromBase64(proof.toBase64()), List.of(first, second), group.groupKey());
    assertThatThrownBy(() -> CPY06.verifyEquality(proof, List.of(second, first), group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
    DiscreteLogProof mixed =
        CPY06.proveEquality(List.of(first, byBob), alice, group.groupKey(), RNG);
    assertThatThrownBy(() -> CPY06.verifyEquality(mixed, List.of(first, byBob), group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void claim_ownSignature_verifiesAndOthersReject() throws Exception {
    GroupSignature byAlice = CPY06.sign("1", alice, group.groupKey(), RNG);
    GroupSignature byBob = CPY06.sign("2", bob, group.groupKey(), RNG);
    CPY06.verifyClaim(
        CPY06.claim(byAlice, alice, group.groupKey(), RNG), byAlice, group.groupKey());
    DiscreteLogProof stolen = CPY06.claim(byBob, alice, group.groupKey(), RNG);
    assertThatThrownBy(() -> CPY06.verifyClaim(stolen, byBob, group.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }
}
