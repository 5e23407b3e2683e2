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

  /** Who is in the group and since when; the entries themselves stay with the manager (they can open signatures). */
  record Member(String memberId, Instant admittedAt) {}

  @GetMapping("/api/groups/{groupId}/members")
  List<Member> members(@PathVariable String groupId) throws IOException {
    return membershipList.members(groupId).stream().map(m -> new Member(m.memberId(), m.admittedAt())).toList();
  }
}
