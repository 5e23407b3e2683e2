package org.healthhub.processes;


import java.util.List;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.operaton.bpm.engine.runtime.ProcessInstance;

/** A few story-like assertions on a process instance's history, in the spirit of BpmnAwareTests. */
public final class ProcessAssertions {

  private final HistoryService history;
  private final String processInstanceId;

  private ProcessAssertions(HistoryService history, String processInstanceId) {
    this.history = history;
    this.processInstanceId = processInstanceId;
  }

  public static ProcessAssertions assertThat(HistoryService history, ProcessInstance instance) {
    return new ProcessAssertions(history, instance.getId());
  }

  public static ProcessAssertions assertThat(HistoryService history, String processInstanceId) {
    return new ProcessAssertions(history, processInstanceId);
  }

  /** The instance has ended, and its end event is {@code endEventId}. */
  public ProcessAssertions hasEndedAt(String endEventId) {
    org.assertj.core.api.Assertions.assertThat(history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult().getEndActivityId())
        .as("end event of %s", processInstanceId).isEqualTo(endEventId);
    return this;
  }

  /** The instance went through these activities in this order (gateways and start events left out). */
  public ProcessAssertions hasPassedInOrder(String... activityIds) {
    List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId)
        .filter(id -> !id.startsWith("ExclusiveGateway_") && !id.startsWith("StartEvent_"))
        .toList();
    org.assertj.core.api.Assertions.assertThat(passed).containsExactly(activityIds);
    return this;
  }

  public ProcessAssertions hasVariable(String name, Object value) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    org.assertj.core.api.Assertions.assertThat(variable).as("variable %s", name).isNotNull();
    org.assertj.core.api.Assertions.assertThat(variable.getValue()).isEqualTo(value);
    return this;
  }
}
