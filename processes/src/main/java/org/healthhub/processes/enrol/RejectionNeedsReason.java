package org.healthhub.processes.enrol;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

/**
 * Refuses to complete the GM approval as a rejection without a reason: the doctor is owed one, and
 * the form's own check does not hold for completions through REST.
 */
public class RejectionNeedsReason implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object approved = task.getVariable("approved");
    if (!(approved instanceof Boolean)) {
      throw new ProcessEngineException("the approval needs 'approved' (true or false), found " + approved);
    }
    Object reason = task.getVariable("rejectionReason");
    if (!(Boolean) approved && (!(reason instanceof String text) || text.isBlank())) {
      throw new ProcessEngineException("a rejected enrolment needs a 'rejectionReason' for the doctor");
    }
  }
}
