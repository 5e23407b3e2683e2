package org.healthhub.crypto.groupsig.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.healthhub.crypto.groupsig.bbs04.Bbs04;
import org.healthhub.crypto.groupsig.cpy06.Cpy06;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dual-control opening for both schemes that offer it, on fresh groups set up under dual control.
 */
class DualControlOpenerTest {
  private static final RandomScalars RNG = RandomScalars.secure();
  private static final Map<String, Group> GROUPS = new HashMap<>();

  static Stream<DualControlOpening> schemes() {
    return Stream.of(new Bbs04(), new Cpy06());
  }

  /** A dual-control group with two members and a signature of each. */
  record Group(
      DualControlOpening scheme,
      DualControlSetup setup,
      Gml gml,
      GroupSignature byFirst,
      GroupSignature bySecond) {
    GroupKey groupKey() {
      return setup.groupKey();
    }

    ShareCommitments commitments() {
      return setup.keys().commitments();
    }

    PartialOpening partial(OpeningShare share, GroupSignature signature) throws Exception {
      return DualControlOpener.partialOpen(
          scheme, groupKey(), commitments(), share, signature, RNG);
    }

    PartialOpening gmPartial(GroupSignature signature) throws Exception {
      return partial(setup.keys().groupManagerShare(), signature);
    }

    PartialOpening rmPartial(GroupSignature signature) throws Exception {
      return partial(setup.keys().revocationManagerShare(), signature);
    }

    OpeningResult combine(GroupSignature signature, PartialOpening first, PartialOpening second)
        throws Exception {
      return DualControlOpener.combine(
          scheme, groupKey(), commitments(), signature, gml, first, second);
    }

    boolean inGml(G1 candidate) {
      return gml.memberIds().stream().anyMatch(id -> gml.entry(id).get(0).equals(candidate));
    }
  }

  static synchronized Group group(DualControlOpening scheme) throws Exception {
    Group group = GROUPS.get(scheme.descriptor().name());
    if (group == null) {
      DualControlSetup setup = scheme.setupDualControl(RNG);
      Gml gml = setup.gml();
      MemberKey[] members = new MemberKey[2];
      for (int m = 0; m < 2; m++) {
        JoinMessage message = null;
        MemberKey partial = null;
        for (int round = 0; round < (scheme.descriptor().joinMessages() + 1) / 2; round++) {
          ManagerJoinStep managerStep =
              scheme.joinManager(setup.groupKey(), setup.keys().issuingKey(), gml, message, RNG);
          gml = managerStep.gml();
          MemberJoinStep memberStep =
              scheme.joinMember(setup.groupKey(), partial, managerStep.message(), RNG);
          partial = memberStep.partialKey();
          message = memberStep.reply();
        }
        members[m] = partial;
      }
      group =
          new Group(
              scheme,
              setup,
              gml,
              scheme.sign("first", members[0], setup.groupKey(), RNG),
              scheme.sign("second", members[1], setup.groupKey(), RNG));
      GROUPS.put(scheme.descriptor().name(), group);
    }
    return group;
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void combine_bothManagers_namesTheSignerAndVerifies(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    // the partial openings travel between processes as exports
    PartialOpening gm = PartialOpening.fromBase64(g.gmPartial(g.byFirst()).toBase64());
    PartialOpening rm = PartialOpening.fromBase64(g.rmPartial(g.byFirst()).toBase64());
    OpeningResult result = g.combine(g.byFirst(), rm, gm);
    assertThat(result.memberId()).isEqualTo(g.gml().memberIds().get(0));
    assertThat(
            g.combine(g.bySecond(), g.gmPartial(g.bySecond()), g.rmPartial(g.bySecond()))
                .memberId())
        .isEqualTo(g.gml().memberIds().get(1));
    OpeningResult received = OpeningResult.fromBase64(result.toBase64());
    DualControlOpener.verify(scheme, received, g.byFirst(), g.groupKey(), g.commitments());
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void oneShareAlone_cannotOpen(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    G1 t3 = scheme.openingCiphertext(g.byFirst()).t3();
    assertThat(g.inGml(t3.sub(g.gmPartial(g.byFirst()).p))).isFalse();
    assertThat(g.inGml(t3.sub(g.rmPartial(g.byFirst()).p))).isFalse();
    assertThatThrownBy(() -> g.combine(g.byFirst(), g.gmPartial(g.byFirst()), null))
        .isInstanceOf(MissingPartialOpeningException.class);
    assertThatThrownBy(() -> g.combine(g.byFirst(), null, g.rmPartial(g.byFirst())))
        .isInstanceOf(MissingPartialOpeningException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void twoSharesOfTheSameManager_cannotOpen(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    PartialOpening gm = g.gmPartial(g.byFirst());
    PartialOpening gmAgain = g.gmPartial(g.byFirst());
    G1 t3 = scheme.openingCiphertext(g.byFirst()).t3();
    assertThat(g.inGml(t3.sub(gm.p).sub(gmAgain.p))).isFalse();
    assertThatThrownBy(() -> g.combine(g.byFirst(), gm, gmAgain))
        .isInstanceOf(DuplicateManagerException.class);
    // the GM's partial opening relabelled as the RM's: its proof is bound to the GM's role
    PartialOpening relabelled =
        new PartialOpening(
            scheme.descriptor().name(),
            ManagerRole.REVOCATION_MANAGER,
            gmAgain.signatureDigest(),
            gmAgain.p,
            gmAgain.proof);
    assertThatThrownBy(() -> g.combine(g.byFirst(), gm, relabelled))
        .isInstanceOf(PartialOpeningRejectedException.class)
        .hasMessageContaining("proof");
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void partialOpen_wrongShare_throws(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    OpeningShare wrong =
        new OpeningShare(
            scheme.descriptor().name(), ManagerRole.GROUP_MANAGER, RNG.nextFr(), RNG.nextFr());
    assertThatThrownBy(() -> g.partial(wrong, g.byFirst())).isInstanceOf(WrongShareException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void combine_partialFromAnotherSplit_rejects(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    // a GM holding a share of another split of the group: its opening holds only under the
    // commitments of that split, not under the published ones
    OpeningShare foreign =
        new OpeningShare(
            scheme.descriptor().name(), ManagerRole.GROUP_MANAGER, RNG.nextFr(), RNG.nextFr());
    OpeningBases bases = scheme.openingBases(g.groupKey());
    ShareCommitments foreignCommitments =
        new ShareCommitments(
            scheme.descriptor().name(),
            bases.first().mul(foreign.s1),
            bases.second().mul(foreign.s2),
            bases.base().sub(bases.first().mul(foreign.s1)),
            bases.base().sub(bases.second().mul(foreign.s2)));
    PartialOpening forged =
        DualControlOpener.partialOpen(
            scheme, g.groupKey(), foreignCommitments, foreign, g.byFirst(), RNG);
    assertThatThrownBy(() -> g.combine(g.byFirst(), forged, g.rmPartial(g.byFirst())))
        .isInstanceOf(PartialOpeningRejectedException.class)
        .hasMessageContaining("proof");
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void combine_forgedOrSwappedProof_rejects(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    PartialOpening gm = g.gmPartial(g.byFirst());
    PartialOpening rm = g.rmPartial(g.byFirst());
    PartialOpening otherP =
        new PartialOpening(
            scheme.descriptor().name(),
            ManagerRole.GROUP_MANAGER,
            gm.signatureDigest(),
            G1.random(RNG),
            gm.proof);
    assertThatThrownBy(() -> g.combine(g.byFirst(), otherP, rm))
        .isInstanceOf(PartialOpeningRejectedException.class);
    PartialOpening swapped =
        new PartialOpening(
            scheme.descriptor().name(),
            ManagerRole.GROUP_MANAGER,
            gm.signatureDigest(),
            gm.p,
            g.gmPartial(g.bySecond()).proof);
    assertThatThrownBy(() -> g.combine(g.byFirst(), swapped, rm))
        .isInstanceOf(PartialOpeningRejectedException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void combine_partialForAnotherSignature_rejects(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    PartialOpening other = g.gmPartial(g.bySecond());
    assertThatThrownBy(() -> g.combine(g.byFirst(), other, g.rmPartial(g.byFirst())))
        .isInstanceOf(PartialOpeningRejectedException.class)
        .hasMessageContaining("another signature");
    // the digest rewritten to this signature's: the proof still names the other one
    PartialOpening redirected =
        new PartialOpening(
            scheme.descriptor().name(),
            ManagerRole.GROUP_MANAGER,
            g.rmPartial(g.byFirst()).signatureDigest(),
            other.p,
            other.proof);
    assertThatThrownBy(() -> g.combine(g.byFirst(), redirected, g.rmPartial(g.byFirst())))
        .isInstanceOf(PartialOpeningRejectedException.class)
        .hasMessageContaining("proof");
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void combine_commitmentsOfAnotherGroup_rejects(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    ShareCommitments foreign = scheme.setupDualControl(RNG).keys().commitments();
    assertThatThrownBy(
            () ->
                DualControlOpener.combine(
                    scheme,
                    g.groupKey(),
                    foreign,
                    g.byFirst(),
                    g.gml(),
                    g.gmPartial(g.byFirst()),
                    g.rmPartial(g.byFirst())))
        .isInstanceOf(InvalidShareCommitmentsException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void combine_signerNotInGml_findsNoSigner(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    assertThatThrownBy(
            () ->
                DualControlOpener.combine(
                    scheme,
                    g.groupKey(),
                    g.commitments(),
                    g.byFirst(),
                    Gml.empty(),
                    g.gmPartial(g.byFirst()),
                    g.rmPartial(g.byFirst())))
        .isInstanceOf(SignerNotFoundException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void verify_resultNamingAnotherMember_rejects(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    OpeningResult honest =
        g.combine(g.byFirst(), g.gmPartial(g.byFirst()), g.rmPartial(g.byFirst()));
    String otherId = g.gml().memberIds().get(1);
    List<G1> otherEntry = g.gml().entry(otherId).stream().map(G1.class::cast).toList();
    OpeningResult lying =
        new OpeningResult(otherId, otherEntry, honest.groupManager(), honest.revocationManager());
    assertThatThrownBy(
            () ->
                DualControlOpener.verify(scheme, lying, g.byFirst(), g.groupKey(), g.commitments()))
        .isInstanceOf(InvalidOpeningException.class);
    OpeningResult wrongId =
        new OpeningResult(
            otherId, honest.entry(), honest.groupManager(), honest.revocationManager());
    assertThatThrownBy(
            () ->
                DualControlOpener.verify(
                    scheme, wrongId, g.byFirst(), g.groupKey(), g.commitments()))
        .isInstanceOf(InvalidOpeningException.class)
        .hasMessageContaining("member id");
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void verify_entryOfWrongLength_isMalformed(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    OpeningResult honest =
        g.combine(g.byFirst(), g.gmPartial(g.byFirst()), g.rmPartial(g.byFirst()));
    G1 a = honest.entry().get(0);
    List<G1> wrongLength = honest.entry().size() == 1 ? List.of(a, a) : List.of(a);
    OpeningResult odd =
        new OpeningResult(
            honest.memberId(), wrongLength, honest.groupManager(), honest.revocationManager());
    assertThatThrownBy(
            () -> DualControlOpener.verify(scheme, odd, g.byFirst(), g.groupKey(), g.commitments()))
        .isInstanceOf(MalformedInputException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void keys_exportImport_roundTripAndHideSecrets(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    String name = scheme.descriptor().name();
    DualControlKeys keys = g.setup().keys();
    for (OpeningShare share : List.of(keys.groupManagerShare(), keys.revocationManagerShare())) {
      OpeningShare back = OpeningShare.fromBase64(name, share.toBase64());
      assertThat(back.role()).isEqualTo(share.role());
      assertThat(back.toBase64()).isEqualTo(share.toBase64());
      assertThat(share.toString()).doesNotContain(share.s1.toBase64()).endsWith("secret]");
    }
    assertThat(ShareCommitments.fromBase64(name, keys.commitments().toBase64()))
        .isEqualTo(keys.commitments());
    assertThat(scheme.importManagerKey(keys.issuingKey().toBase64()))
        .isInstanceOf(IssuingKey.class);
    assertThat(keys.issuingKey().toString()).endsWith("secret]");
    assertThat(keys.toString()).doesNotContain(keys.issuingKey().gamma().toBase64());
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void open_withIssuingKey_isMalformed(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    assertThatThrownBy(
            () ->
                ((org.healthhub.crypto.groupsig.Opening) scheme)
                    .open(g.byFirst(), g.groupKey(), g.setup().keys().issuingKey(), g.gml(), RNG))
        .isInstanceOf(MalformedInputException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void splitManagerKey_keyOfAnotherGroup_throws(DualControlOpening scheme) throws Exception {
    Group g = group(scheme);
    var foreignManagerKey = scheme.setup(RNG).managerKey();
    assertThatThrownBy(() -> scheme.splitManagerKey(g.groupKey(), foreignManagerKey, RNG))
        .isInstanceOf(InvalidShareCommitmentsException.class);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void shareScalars_addUpToNothingAlone(DualControlOpening scheme) throws Exception {
    // a share is random: the GM's first scalar alone does not turn the first base into the base
    Group g = group(scheme);
    OpeningBases bases = scheme.openingBases(g.groupKey());
    Fr a1 = g.setup().keys().groupManagerShare().s1;
    Fr b1 = g.setup().keys().revocationManagerShare().s1;
    assertThat(bases.first().mul(a1)).isNotEqualTo(bases.base());
    assertThat(bases.first().mul(b1)).isNotEqualTo(bases.base());
    assertThat(bases.first().mul(a1.add(b1))).isEqualTo(bases.base());
  }
}
