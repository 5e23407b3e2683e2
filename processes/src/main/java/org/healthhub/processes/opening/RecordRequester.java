package org.healthhub.processes.opening;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.identity.Authentication;

/**
 * Names who asked for the opening, so that person can never approve it: the signed-in user who
 * started it (a Group Manager's own request), or the {@code openingRequester} the dispute start
 * passes (the buyer; a worker correlating the message has no signed-in user).
 */
public class RecordRequester implements ExecutionListener {
  static final String REQUESTER = "openingRequester";

  @Override
  public void notify(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      execution.setVariable(REQUESTER, authentication.getUserId());
    }
    if (!(execution.getVariable(REQUESTER) instanceof String requester) || requester.isBlank()) {
      throw new ProcessEngineException("an opening needs a requester: a signed-in user or 'openingRequester'");
    }
    // One variable both approvals update, so two completions racing each other conflict (optimistic locking)
    // instead of both passing the four-eyes check before either has written its approver.
    execution.setVariable(FourEyesApproval.APPROVALS, 0);
  }
}
