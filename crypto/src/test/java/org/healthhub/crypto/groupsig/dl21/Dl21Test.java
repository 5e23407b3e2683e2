package org.healthhub.crypto.groupsig.dl21;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.LinkStatement;
import org.healthhub.crypto.groupsig.SchemeRoundTripContract;
import org.healthhub.crypto.groupsig.SignerNotFoundException;
import org.junit.jupiter.api.Test;

class Dl21Test extends SchemeRoundTripContract {
  private static final String SCOPE = "clinic-7/2026";
  private final Dl21 dl21 = new Dl21();

  @Override
  protected GroupSignatureScheme scheme() {
    return dl21;
  }

  @Test
  void linkVerifyLink_scopedSignaturesOfOneMember_verify() throws Exception {
    Joined group = joinedGroup();
    GroupSignature a = dl21.sign("a", group.member(), group.setup().groupKey(), SCOPE, rng);
    GroupSignature b = dl21.sign("b", group.member(), group.setup().groupKey(), SCOPE, rng);
    List<GroupSignature> both = List.of(reparsed(a), reparsed(b));
    LinkStatement claim = new LinkStatement("claim", List.of("a", "b"), both, SCOPE);
    String proof = dl21.link(claim, group.member(), group.setup().groupKey(), rng);
    dl21.verifyLink(claim, proof, group.setup().groupKey());
    LinkStatement otherMessage = new LinkStatement("other", List.of("a", "b"), both, SCOPE);
    assertThatThrownBy(() -> dl21.verifyLink(otherMessage, proof, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
    LinkStatement defaultScope = LinkStatement.of("claim", List.of("a", "b"), both);
    assertThatThrownBy(() -> dl21.verifyLink(defaultScope, proof, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void identify_pseudonymIsPerScopeAndMember() throws Exception {
    Joined first = joinedGroup();
    Joined second = join(first.setup(), first.gml());
    GroupSignature signature = dl21.sign("a", first.member(), first.setup().groupKey(), SCOPE, rng);
    assertThat(dl21.identify(signature, first.member(), SCOPE)).isTrue();
    assertThat(dl21.identify(signature, second.member(), SCOPE)).isFalse();
    assertThat(dl21.identify(signature, first.member(), "def")).isFalse();
  }

  @Test
  void link_signatureOfAnotherMember_throwsSignerNotFound() throws Exception {
    Joined first = joinedGroup();
    Joined second = join(first.setup(), first.gml());
    GroupSignature mine = sign("a", first);
    GroupSignature theirs = sign("b", second);
    LinkStatement both = LinkStatement.of("claim", List.of("a", "b"), List.of(mine, theirs));
    assertThatThrownBy(() -> dl21.link(both, first.member(), first.setup().groupKey(), rng))
        .isInstanceOf(SignerNotFoundException.class);
  }

  /** pygroupsig proves over the identity for an empty list, which anyone can forge; we refuse. */
  @Test
  void linkAndVerifyLink_emptyOrUnevenLists_areMalformed() throws Exception {
    Joined group = joinedGroup();
    GroupSignature a = sign("a", group);
    LinkStatement empty = LinkStatement.of("claim", List.of(), List.of());
    LinkStatement uneven = LinkStatement.of("claim", List.of("a", "b"), List.of(a));
    assertThatThrownBy(() -> dl21.link(empty, group.member(), group.setup().groupKey(), rng))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> dl21.link(uneven, group.member(), group.setup().groupKey(), rng))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> dl21.verifyLink(empty, "e30=", group.setup().groupKey()))
        .isInstanceOf(MalformedInputException.class);
  }
}
