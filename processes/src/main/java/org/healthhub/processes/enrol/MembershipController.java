package org.healthhub.processes.enrol;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.healthhub.workers.enrol.MembershipList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The membership list of a hospital group, as the enrol-doctor flow has persisted it. */
@RestController
class MembershipController {

  private final MembershipList membershipList;

  MembershipController(MembershipList membershipList) {
    this.membershipList = membershipList;
  }

  /**
   * Who is in the group, under which public GML id, and since when; the GML entries themselves
   * stay sealed in the manager's keyring (with the opening shares they identify signers).
   */
  record Member(String memberId, String groupMemberId, Instant admittedAt) {}

  @GetMapping("/api/groups/{groupId}/members")
  List<Member> members(@PathVariable String groupId) throws IOException {
    return membershipList.members(groupId).stream().map(m -> new Member(m.memberId(), m.entry(), m.admittedAt())).toList();
  }
}
