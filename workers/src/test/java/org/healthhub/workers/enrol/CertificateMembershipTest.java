package org.healthhub.workers.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateMembershipTest {

  private final CertificateMembership membership = new CertificateMembership();

  @Test
  void join_fourMessages_memberHoldsCertifiedKey() throws Exception {
    JoinTurn nonce = membership.managerTurn("g", "d", 0, Optional.empty());
    JoinTurn proof = membership.memberTurn("g", "d", 1, nonce.reply().orElseThrow());
    JoinTurn certificate = membership.managerTurn("g", "d", 2, proof.reply());
    JoinTurn done = membership.memberTurn("g", "d", 3, certificate.reply().orElseThrow());

    assertThat(certificate.membershipEntry()).isPresent();
    assertThat(done.complete()).isTrue();
    assertThat(membership.holdsMemberKey("g", "d")).isTrue();
  }

  @Test
  void managerTurn_askedTwice_answersTheSame() throws Exception {
    JoinTurn first = membership.managerTurn("g", "d", 0, Optional.empty());

    assertThat(membership.managerTurn("g", "d", 0, Optional.empty())).isEqualTo(first);
  }

  @Test
  void managerTurn_proofForAnotherMember_rejected() throws Exception {
    JoinTurn nonce = membership.managerTurn("g", "d", 0, Optional.empty());
    membership.managerTurn("g", "e", 0, Optional.empty());
    JoinTurn proofOfE = membership.memberTurn("g", "e", 1, nonce.reply().orElseThrow());

    assertThatThrownBy(() -> membership.managerTurn("g", "d", 2, proofOfE.reply()))
        .isInstanceOf(JoinRejectedException.class)
        .hasMessage("the member's proof of possession does not verify");
  }

  @Test
  void managerTurn_truncatedProof_rejectedAsMalformed() throws Exception {
    membership.managerTurn("g", "d", 0, Optional.empty());

    assertThatThrownBy(() -> membership.managerTurn("g", "d", 2, Optional.of(JoinMessage.of(new byte[] {0, 44, 1}))))
        .isInstanceOf(JoinRejectedException.class)
        .hasMessageStartingWith("the member's proof is malformed");
  }

  @Test
  void memberTurn_certificateFromAnotherGroup_rejected() throws Exception {
    JoinTurn nonce = membership.managerTurn("g", "d", 0, Optional.empty());
    JoinTurn proof = membership.memberTurn("g", "d", 1, nonce.reply().orElseThrow());
    membership.managerTurn("g", "d", 2, proof.reply());
    JoinTurn otherNonce = membership.managerTurn("h", "d", 0, Optional.empty());
    JoinTurn otherProof = membership.memberTurn("h", "d", 1, otherNonce.reply().orElseThrow());
    JoinTurn otherCertificate = membership.managerTurn("h", "d", 2, otherProof.reply());

    assertThatThrownBy(() -> membership.memberTurn("g", "d", 3, otherCertificate.reply().orElseThrow()))
        .isInstanceOf(JoinRejectedException.class);
    assertThat(membership.holdsMemberKey("g", "d")).isFalse();
  }
}
