package org.healthhub.processes.enrol;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.healthhub.processes.api.ApiAuthentication;
import org.healthhub.workers.enrol.HospitalGroups;
import org.healthhub.workers.enrol.MemberEntry;
import org.healthhub.workers.enrol.MembershipList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** The membership lists of the hospital groups, as the enrol-doctor flow has persisted them. */
@RestController
class MembershipController {

  private final MembershipList membershipList;
  private final HospitalGroups groups;

  MembershipController(MembershipList membershipList, HospitalGroups groups) {
    this.membershipList = membershipList;
    this.groups = groups;
  }

  /**
   * Who is in the group, under which public GML id, and since when; the GML entries themselves
   * stay sealed in the manager's keyring (with the opening shares they identify signers).
   */
  record Member(String groupId, String memberId, String groupMemberId, Instant admittedAt) {
    static Member of(MemberEntry entry) {
      return new Member(entry.groupId(), entry.memberId(), entry.entry(), entry.admittedAt());
    }
  }

  @Operation(summary = "The members of a hospital group")
  @GetMapping("/api/groups/{groupId}/members")
  List<Member> members(@PathVariable String groupId) throws IOException {
    return membershipList.members(groupId).stream().map(Member::of).toList();
  }

  @Operation(summary = "My group memberships (as a doctor)")
  @GetMapping("/api/groups/memberships/me")
  List<Member> myMemberships(@RequestAttribute(ApiAuthentication.USER) String user) throws IOException {
    List<Member> memberships = new ArrayList<>();
    for (String groupId : groups.groupIds()) {
      membershipList.find(groupId, user).map(Member::of).ifPresent(memberships::add);
    }
    return memberships;
  }
}
