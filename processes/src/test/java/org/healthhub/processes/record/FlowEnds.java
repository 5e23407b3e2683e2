package org.healthhub.processes.record;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.healthhub.processes.workers.PostParseListeners;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * The ids of process instances that reached one of their process's end events, each queued once
 * its transaction committed: a bench waits on the queue instead of querying the history over and
 * over, which cost as much CPU per flow as some of the steps it measured.
 */
public final class FlowEnds extends AbstractProcessEnginePlugin {

  private final BlockingQueue<String> ended = new LinkedBlockingQueue<>();

  public BlockingQueue<String> ended() {
    return ended;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PostParseListeners.append(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseEndEvent(Element endEvent, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            String instance = execution.getProcessInstanceId();
            Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> ended.add(instance));
          });
        }
      }
    });
  }
}
