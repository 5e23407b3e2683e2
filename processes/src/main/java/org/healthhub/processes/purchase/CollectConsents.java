package org.healthhub.processes.purchase;

import java.util.List;
import java.util.Map;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * Once the consent tasks are over (all answered, or the deadline passed), lists the patients whose
 * answer {@link RecordConsent} kept as yes in {@code consentingPatientIds}, sorted; left unset when
 * nobody consented. A silent patient has no answer and counts as no.
 */
public class CollectConsents implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    List<String> consenting = execution.getProcessInstance().getVariablesLocal().entrySet().stream()
        .filter(answer -> answer.getKey().startsWith(RecordConsent.ANSWER_PREFIX) && Boolean.TRUE.equals(answer.getValue()))
        .map(Map.Entry::getKey).map(name -> name.substring(RecordConsent.ANSWER_PREFIX.length())).sorted().toList();
    if (!consenting.isEmpty()) {
      execution.getProcessInstance().setVariableLocal(PurchaseVariables.CONSENTING_PATIENTS, PurchaseVariables.joinIds(consenting));
    }
  }
}
