package org.healthhub.crypto.groupsig.properties;

import java.util.List;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.opening.DualControlKeys;
import org.healthhub.crypto.groupsig.opening.DualControlOpener;
import org.healthhub.crypto.groupsig.opening.DualControlOpening;
import org.healthhub.crypto.groupsig.opening.OpeningResult;
import org.healthhub.crypto.groupsig.opening.OpeningShare;
import org.healthhub.crypto.groupsig.opening.PartialOpening;
import org.healthhub.crypto.groupsig.opening.ShareCommitments;
import org.healthhub.crypto.mcl.RandomScalars;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * bbs04's and cpy06's decoders beyond the common ones: the membership list and the dual-control
 * exports, made valid from the recorded group (its manager key split, a recorded signature opened).
 */
abstract class DualControlDecoderPropertiesContract extends DecoderPropertiesContract {
  private final String share;
  private final String commitments;
  private final String partial;
  private final String result;

  DualControlDecoderPropertiesContract() {
    try {
      DualControlOpening scheme = (DualControlOpening) scheme();
      GroupKey group = scheme.importGroupKey(vectors.path("group_key").asText());
      RandomScalars rng = RandomScalars.secure();
      DualControlKeys keys =
          scheme.splitManagerKey(group, scheme.importManagerKey(vectors.path("manager_key").asText()), rng);
      GroupSignature signature = scheme.importSignature(vectors.path("signatures").get(0).path("signature").asText());
      PartialOpening gm =
          DualControlOpener.partialOpen(scheme, group, keys.commitments(), keys.groupManagerShare(), signature, rng);
      PartialOpening rm =
          DualControlOpener.partialOpen(scheme, group, keys.commitments(), keys.revocationManagerShare(), signature, rng);
      OpeningResult opened =
          DualControlOpener.combine(
              scheme, group, keys.commitments(), signature, Gml.fromBase64(vectors.path("gml").asText()), gm, rm);
      share = keys.revocationManagerShare().toBase64();
      commitments = keys.commitments().toBase64();
      partial = gm.toBase64();
      result = opened.toBase64();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> gmls() {
    return mutationsOf(List.of(firstMemberOnly(vectors.path("gml").asText())));
  }

  @Provide
  Arbitrary<String> shares() {
    return mutationsOf(List.of(share));
  }

  @Provide
  Arbitrary<String> commitmentTexts() {
    return mutationsOf(List.of(commitments));
  }

  @Provide
  Arbitrary<String> partials() {
    return mutationsOf(List.of(partial));
  }

  @Provide
  Arbitrary<String> results() {
    return mutationsOf(List.of(result));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void gml_mutated_isMalformedOrReexports(@ForAll("gmls") String input) {
    Decoding.decodeOrRefuse(input, Gml::fromBase64, Gml::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void openingShare_mutated_isMalformedOrReexports(@ForAll("shares") String input) {
    Decoding.decodeOrRefuse(input, text -> OpeningShare.fromBase64(schemeName(), text), OpeningShare::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void shareCommitments_mutated_isMalformedOrReexports(@ForAll("commitmentTexts") String input) {
    Decoding.decodeOrRefuse(
        input, text -> ShareCommitments.fromBase64(schemeName(), text), ShareCommitments::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void partialOpening_mutated_isMalformedOrReexports(@ForAll("partials") String input) {
    Decoding.decodeOrRefuse(input, PartialOpening::fromBase64, PartialOpening::toBase64);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void openingResult_mutated_isMalformedOrReexports(@ForAll("results") String input) {
    Decoding.decodeOrRefuse(input, OpeningResult::fromBase64, OpeningResult::toBase64);
  }
}
