package org.healthhub.processes.workers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Tells the in-process launcher when a transaction that entered an external task commits, so a
 * flow started through REST or Tasklist is fetched at once instead of after the launcher's idle
 * wait. Not when the transaction locked every task it made (a completion that locked the flow's
 * next step for the thread that runs it): a fetch would find nothing. Only a hint: the launcher
 * still polls, so a missed or extra call changes no outcome.
 */
public final class ExternalTaskWakeUp extends AbstractProcessEnginePlugin {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Runs {@code listener} after every commit that made an external task (on the committing thread). */
  public void onTaskCommitted(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PostParseListeners.append(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTask, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              execution -> wakeAfterCommit((ExecutionEntity) execution));
        }
      }
    });
  }

  private void wakeAfterCommit(ExecutionEntity execution) {
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
      // The task is made after the start listeners ran; by the commit it is in the execution's list, locked or not.
      if (execution.getExternalTasks().stream().anyMatch(task -> task.getWorkerId() == null)) {
        listeners.forEach(Runnable::run);
      }
    });
  }
}
