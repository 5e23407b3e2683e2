package org.healthhub.processes.purchase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

/**
 * Drives purchase-data through a running app as its people would in Tasklist (signed in, claim,
 * complete), while the app's own workers run every service task. The one place the app tests touch
 * the engine as a user, so adding authentication changes only this class.
 */
public final class PurchaseJourney {
  private static final long PATIENCE_MILLIS = 180_000;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final HistoryService history;

  public PurchaseJourney(RuntimeService runtime, TaskService tasks, IdentityService identity, HistoryService history) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.history = history;
  }

  /** The buyer asks for {@code fields} of {@code category} records at {@code priceWei}, one record at least; returns the instance id. */
  public String request(String buyer, String category, String fields, String priceWei) {
    Map<String, Object> request = requestForm(fields, priceWei, 1);
    request.put("purchaseCategory", category);
    EngineApp.signIn(identity, buyer);
    try {
      return runtime.startProcessInstanceByKey("purchase-data", request).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The buyer's start form: reply within an hour, delivery within four. */
  public static Map<String, Object> requestForm(String fields, String priceWei, long minimumRecords) {
    Map<String, Object> request = new HashMap<>();
    request.put("purchaseCategory", "cardiology");
    request.put("purchaseFields", fields);
    request.put("minimumRecords", minimumRecords);
    request.put("priceWei", priceWei);
    request.put("replyHours", 1L);
    request.put("deliveryHours", 4L);
    return request;
  }

  /** Waits for {@code user}'s task {@code taskKey} in the instance, then claims and completes it. */
  public void complete(String instance, String taskKey, String user, Map<String, Object> variables)
      throws InterruptedException {
    claimAndComplete(identity, tasks, awaitTask(instance, taskKey, user), user, variables);
  }

  /** Claims and completes {@code task} signed in as {@code user}, as Tasklist does. */
  static void claimAndComplete(IdentityService identity, TaskService tasks, Task task, String user,
      Map<String, Object> variables) {
    EngineApp.signIn(identity, user);
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  public Object variable(String instance, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name).list().stream()
        .findFirst().map(variable -> variable.getValue()).orElse(null);
  }

  public void awaitEnd(String instance) throws InterruptedException {
    EngineApp.awaitEnd(history, instance);
  }

  /** Waits until {@code user} has task {@code taskKey} in the instance: every step before it has run. */
  public Task awaitTask(String instance, String taskKey, String user) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (true) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
          .taskCandidateUser(user).list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no task " + taskKey + " for " + user + " within " + PATIENCE_MILLIS + " ms");
      }
      Thread.sleep(50);
    }
  }
}
