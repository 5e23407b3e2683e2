package org.healthhub.processes.security;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * A flow whose start event names an initiator ({@code operaton:initiator="patientId"}) starts only
 * for the signed-in user: a start variable naming someone else (a patient sharing another patient's
 * record, a doctor submitting as another doctor) is refused as an authorization failure. Starts
 * without a signed-in user (workers, message starts) and by admins are not the user acting for
 * themselves and pass.
 */
public final class InitiatorGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
        if (scope == activity.getProcessDefinition()) {
          // First, before the flow's own start listeners act on the variables.
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) InitiatorGuard::check, 0);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  static void check(DelegateExecution execution) {
    Object initiator = ((ExecutionEntity) execution).getProcessDefinition()
        .getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (!(initiator instanceof String variable) || caller == null || caller.getUserId() == null
        || caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.OPERATON_ADMIN)) {
      return;
    }
    Object named = execution.getVariable(variable);
    if (!caller.getUserId().equals(named)) {
      throw new AuthorizationException(caller.getUserId() + " cannot start "
          + execution.getProcessDefinitionId().split(":")[0] + " with " + variable + " naming another user");
    }
  }
}
