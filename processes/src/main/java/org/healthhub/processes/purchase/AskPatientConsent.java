package org.healthhub.processes.purchase;

import java.util.List;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

/**
 * Gives each consent task its patient: the {@code loopCounter}-th of {@code matchingPatientIds},
 * kept on the task's own execution ({@code consentPatientId}) and made the task's candidate user.
 */
public class AskPatientConsent implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> patients = PurchaseVariables.ids(task.getVariable(PurchaseVariables.MATCHING_PATIENTS));
    int index = ((Number) task.getExecution().getVariable("loopCounter")).intValue();
    if (index >= patients.size()) {
      throw new ProcessEngineException("consent task " + index + " has no patient among " + patients.size());
    }
    String patient = patients.get(index);
    task.getExecution().setVariableLocal(RecordConsent.PATIENT, patient);
    task.addCandidateUser(patient);
  }
}
