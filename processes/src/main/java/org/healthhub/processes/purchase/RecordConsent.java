package org.healthhub.processes.purchase;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;

/**
 * Keeps the patient's answer when the patient's consent task completes, in a variable of that
 * patient's own ({@code consentOf_<patientId>}): two patients answering at the same moment write
 * different variables, so neither answer is refused for the other's (the flow's
 * {@link CollectConsents} lists them once every answer is in). Only the patient may answer: a
 * signed-in user who is someone else is refused (the engine does not enforce candidate users by itself).
 */
public class RecordConsent implements TaskListener {
  static final String PATIENT = "consentPatientId";
  static final String ANSWER_PREFIX = "consentOf_";

  @Override
  public void notify(DelegateTask task) {
    String patient = (String) task.getExecution().getVariableLocal(PATIENT);
    Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (signedIn != null && signedIn.getUserId() != null && !signedIn.getUserId().equals(patient)) {
      throw new ProcessEngineException(signedIn.getUserId() + " cannot answer " + patient + "'s consent");
    }
    task.getExecution().getProcessInstance().setVariableLocal(ANSWER_PREFIX + patient,
        Boolean.TRUE.equals(task.getVariable("consentGiven")));
  }
}
