package org.healthhub.processes.opening;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.processes.api.ApiAuthentication;
import org.healthhub.workers.enrol.MemberEntry;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.opening.OpeningReport;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who signed, with the proof: readable only by members of {@code groupManagers} and
 * {@code revocationManagers}, signed in by HTTP Basic or in the webapp session (Tasklist).
 */
@RestController
class OpeningResultController {

  /**
   * The report as a manager sees it: {@code memberId} is the signer's entry in the membership list,
   * {@code signer} the user it was admitted as; {@code result} is the opening result's export,
   * checkable by anyone with the group key.
   */
  record Result(boolean valid, String reason, String memberId, String signer, String result) {}

  private final ProcessEngine engine;
  private final ObjectProvider<OpeningReports> reports;
  private final MembershipList membershipList;

  OpeningResultController(ProcessEngine engine, ObjectProvider<OpeningReports> reports, MembershipList membershipList) {
    this.engine = engine;
    this.reports = reports;
    this.membershipList = membershipList;
  }

  @GetMapping("/api/openings/{processInstanceId}/result")
  ResponseEntity<Object> result(@PathVariable String processInstanceId, HttpServletRequest request) throws Exception {
    Optional<String> user = Optional.ofNullable((String) request.getAttribute(ApiAuthentication.USER));
    if (user.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("sign in first");
    }
    Optional<ManagerRole> role = roleOf(user.get());
    if (role.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body("only the Group and Revocation Managers read opening results");
    }
    Optional<String> cid = variable(processInstanceId, "openingResultCid");
    Optional<String> digest = variable(processInstanceId, "signatureDigest");
    if (cid.isEmpty() || digest.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no opening result for " + processInstanceId);
    }
    OpeningReports reader = reports.getIfAvailable();
    if (reader == null) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("the managers' keys are not wired in this app");
    }
    OpeningReport report;
    try {
      report = reader.read(user.get(), role.get(), cid.get(), digest.get());
    } catch (NoKeyShareException e) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(e.getMessage());
    }
    String signer = report.memberId().isEmpty() ? null : admittedAs(processInstanceId, report.memberId().get());
    return ResponseEntity.ok(new Result(report.valid(), report.reason(), report.memberId().orElse(null), signer,
        report.result().orElse(null)));
  }

  private String admittedAs(String processInstanceId, String memberEntry) throws IOException {
    Optional<String> group = variable(processInstanceId, "hospitalGroupId");
    if (group.isEmpty()) {
      return null;
    }
    return membershipList.members(group.get()).stream().filter(member -> member.entry().equals(memberEntry))
        .map(MemberEntry::memberId).findFirst().orElse(null);
  }

  private Optional<ManagerRole> roleOf(String user) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(user).memberOfGroup("groupManagers").count() > 0) {
      return Optional.of(ManagerRole.GROUP_MANAGER);
    }
    if (identity.createUserQuery().userId(user).memberOfGroup("revocationManagers").count() > 0) {
      return Optional.of(ManagerRole.REVOCATION_MANAGER);
    }
    return Optional.empty();
  }

  private Optional<String> variable(String processInstanceId, String name) {
    HistoryService history = engine.getHistoryService();
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    return variable != null && variable.getValue() instanceof String text ? Optional.of(text) : Optional.empty();
  }
}
