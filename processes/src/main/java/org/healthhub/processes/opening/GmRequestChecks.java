package org.healthhub.processes.opening;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * A Group Manager's own request (the form start) must come from a member of {@code groupManagers}
 * and give a reason, which both approvers see; the engine does not enforce candidate starter groups.
 */
public class GmRequestChecks implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String requester = (String) execution.getVariable(RecordRequester.REQUESTER);
    long isManager = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .userId(requester).memberOfGroup("groupManagers").count();
    if (isManager == 0) {
      throw new ProcessEngineException(requester + " is not a Group Manager and cannot ask for an opening");
    }
    if (!(execution.getVariable("openingReason") instanceof String reason) || reason.isBlank()) {
      throw new ProcessEngineException("a Group Manager's request to open a signature needs an 'openingReason'");
    }
  }
}
