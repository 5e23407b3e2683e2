package org.healthhub.processes.opening;

import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

/** Decides an approval task as a signed-in user, as Tasklist does (claim, then complete with the form's variables). */
public final class ApprovalDecisions {

  private ApprovalDecisions() {}

  /** A refused completion leaves the task unclaimed again, so another user can take it. */
  public static void decide(IdentityService identity, TaskService tasks, String processInstanceId, String taskKey,
      String user, Map<String, Object> decision) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    EngineApp.signIn(identity, user);
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), decision);
    } finally {
      identity.clearAuthentication();
      if (tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
        tasks.setAssignee(task.getId(), null);
      }
    }
  }
}
