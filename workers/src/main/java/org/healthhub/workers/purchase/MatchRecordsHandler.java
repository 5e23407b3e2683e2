package org.healthhub.workers.purchase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordVariables;

/**
 * {@code purchase.match}: the hospital finds the records that could answer the request from its
 * record index alone: the records its group's doctors signed in the requested category (noted at
 * store time, see {@link RecordIndex#ofGroupInCategory}); no record is opened, since that would mean
 * reading records of patients who have not consented. Only their patients are asked for consent.
 */
public final class MatchRecordsHandler implements TaskHandler {
  private final RecordIndex index;
  private final String hospitalGroupId;

  public MatchRecordsHandler(RecordIndex index, String hospitalGroupId) {
    this.index = index;
    this.hospitalGroupId = hospitalGroupId;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    List<RecordIndex.Entry> records = index.ofGroupInCategory(hospitalGroupId,
        task.requireString(PurchaseVariables.CATEGORY));
    List<String> patients = records.stream().map(RecordIndex.Entry::patientId).distinct().sorted().toList();
    Map<String, Object> variables = new HashMap<>(Map.of(
        RecordVariables.GROUP_ID, hospitalGroupId,
        PurchaseVariables.MATCHING_PATIENTS_COUNT, patients.size(),
        PurchaseVariables.MATCHING_RECORDS_COUNT, records.size()));
    if (!patients.isEmpty()) {
      variables.put(PurchaseVariables.MATCHING_PATIENTS, PurchaseVariables.joinIds(patients));
    }
    return TaskOutcome.complete(variables);
  }
}
