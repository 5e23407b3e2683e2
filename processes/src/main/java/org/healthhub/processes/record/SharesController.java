package org.healthhub.processes.record;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.healthhub.processes.api.ApiAuthentication;
import org.healthhub.workers.record.ShareIndex;
import org.healthhub.workers.record.ShareVariables;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** My shares (granted by me, or to me) and revoking one I granted. */
@RestController
class SharesController {

  private final ShareIndex shares;
  private final RuntimeService runtimeService;

  SharesController(ShareIndex shares, RuntimeService runtimeService) {
    this.shares = shares;
    this.runtimeService = runtimeService;
  }

  @Operation(summary = "Shares I granted (patient) or received (doctor)")
  @GetMapping("/api/shares")
  List<ShareIndex.Share> myShares(@RequestAttribute(ApiAuthentication.USER) String user) throws Exception {
    return shares.where(share -> share.patientId().equals(user) || share.doctorId().equals(user));
  }

  @Operation(summary = "Revokes a share I granted: the share-record flow removes the wrap and posts the revocation "
      + "(409 while the grant is still being posted, or once the share has ended)")
  @PostMapping("/api/shares/{shareId}/revoke")
  ResponseEntity<Void> revoke(@PathVariable String shareId, @RequestAttribute(ApiAuthentication.USER) String user)
      throws Exception {
    Optional<ShareIndex.Share> share;
    try {
      share = shares.find(shareId);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.notFound().build();
    }
    if (share.isEmpty() || !share.get().patientId().equals(user)) {
      return ResponseEntity.notFound().build();
    }
    if (!share.get().status().equals("ACTIVE")) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    try {
      runtimeService.createMessageCorrelation("RevokeShare")
          .processInstanceVariableEquals(ShareVariables.SHARE_ID, shareId).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      // The grant is still being posted: the flow waits for a revocation only once it is in force.
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    return ResponseEntity.accepted().build();
  }
}
