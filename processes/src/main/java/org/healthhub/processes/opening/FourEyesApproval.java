package org.healthhub.processes.opening;

import java.util.Map;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.impl.identity.Authentication;

/**
 * Guards the completion of both approval tasks of open-signature: the one completing must be signed
 * in and a member of the task's group; a rejection needs a reason; an approval may come neither
 * from whoever asked for the opening nor from the person who approved the other task. Checked here
 * because the form's checks do not hold for completions through REST. The chain checks again: the
 * two approvals come from two different manager accounts. A refusal of who decides is an
 * {@link AuthorizationException}, so {@code /engine-rest} answers it with 403.
 */
public class FourEyesApproval implements TaskListener {
  static final String APPROVALS = "openingApprovals";

  private record Approval(String group, String approved, String reason, String approver, String otherApprover) {}

  private static final Map<String, Approval> BY_TASK = Map.of(
      "UserTask_GmApproval",
      new Approval("groupManagers", "gmApproved", "gmRejectionReason", "gmApproverId", "rmApproverId"),
      "UserTask_RmApproval",
      new Approval("revocationManagers", "rmApproved", "rmRejectionReason", "rmApproverId", "gmApproverId"));

  @Override
  public void notify(DelegateTask task) {
    Approval approval = BY_TASK.get(task.getTaskDefinitionKey());
    if (approval == null) {
      throw new ProcessEngineException("FourEyesApproval does not guard task " + task.getTaskDefinitionKey());
    }
    String user = signedInUser(task);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    if (identity.createUserQuery().userId(user).memberOfGroup(approval.group()).count() == 0) {
      throw new AuthorizationException(user + " is not in " + approval.group() + " and cannot decide this approval");
    }
    Object approved = task.getVariable(approval.approved());
    if (!(approved instanceof Boolean)) {
      throw new FormFieldValidationException(approval.approved(),
          "the approval needs '" + approval.approved() + "' (true or false), found " + approved);
    }
    if (!(Boolean) approved) {
      if (!(task.getVariable(approval.reason()) instanceof String reason) || reason.isBlank()) {
        throw new FormFieldValidationException(approval.reason(), "a rejected opening needs a '" + approval.reason() + "'");
      }
    } else if (user.equals(task.getVariable(RecordRequester.REQUESTER))) {
      throw new AuthorizationException(user + " asked for this opening and cannot approve it");
    } else if (user.equals(task.getVariable(approval.otherApprover()))) {
      throw new AuthorizationException(user + " approved the other manager's task and cannot approve both");
    }
    task.setVariable(approval.approver(), user);
    task.setVariable(APPROVALS, ((Number) task.getVariable(APPROVALS)).intValue() + 1);
  }

  private static String signedInUser(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new AuthorizationException("an opening approval needs a signed-in user");
    }
    return authentication.getUserId();
  }
}
