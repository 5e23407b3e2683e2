package org.healthhub.workers.launch;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.operaton.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.operaton.bpm.engine.impl.externaltask.LockedExternalTaskImpl;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.ExternalTaskEntity;

/**
 * Completes an external task and, in the same transaction, locks for the same worker one external
 * task that this completion created, if its topic is one of {@code topics}. The next step of a
 * flow then needs no fetch-and-lock transaction of its own, and since the task is locked before
 * its row is first written, no other worker can ever see it unlocked. Only a task created in this
 * transaction is taken: tasks that existed before stay for the fetch, which orders them by priority.
 */
record CompleteAndLockNext(String taskId, String workerId, Map<String, Object> variables, Set<String> topics,
    long lockMillis) implements Command<Optional<LockedExternalTask>> {

  @Override
  public Optional<LockedExternalTask> execute(CommandContext context) {
    new CompleteExternalTaskCmd(taskId, workerId, variables, null).execute(context);
    DbEntityManager entities = context.getDbEntityManager();
    for (ExternalTaskEntity task : entities.getCachedEntitiesByType(ExternalTaskEntity.class)) {
      if (entities.getDbEntityCache().isTransient(task) && task.getWorkerId() == null && !task.isSuspended()
          && topics.contains(task.getTopicName())) {
        task.lock(workerId, lockMillis);
        // As a fetch without variable names and without deserialization: every variable, serialized values as stored.
        return Optional.of(LockedExternalTaskImpl.fromEntity(task, null, false, false, false));
      }
    }
    return Optional.empty();
  }
}
