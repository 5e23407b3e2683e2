package org.healthhub.processes.purchase;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;

/**
 * Adds the patient to {@code consentingPatientIds} when the patient's consent task completes with
 * {@code consentGiven}. Only the patient may answer: a signed-in user who is someone else is refused
 * (the engine does not enforce candidate users by itself).
 */
public class RecordConsent implements TaskListener {
  static final String PATIENT = "consentPatientId";

  @Override
  public void notify(DelegateTask task) {
    String patient = (String) task.getExecution().getVariableLocal(PATIENT);
    Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (signedIn != null && signedIn.getUserId() != null && !signedIn.getUserId().equals(patient)) {
      throw new ProcessEngineException(signedIn.getUserId() + " cannot answer " + patient + "'s consent");
    }
    if (!Boolean.TRUE.equals(task.getVariable("consentGiven"))) {
      return;
    }
    List<String> consenting = new ArrayList<>(PurchaseVariables.ids(task.getVariable(PurchaseVariables.CONSENTING_PATIENTS)));
    if (!consenting.contains(patient)) {
      consenting.add(patient);
    }
    task.getExecution().getProcessInstance().setVariable(PurchaseVariables.CONSENTING_PATIENTS,
        PurchaseVariables.joinIds(consenting));
  }
}
