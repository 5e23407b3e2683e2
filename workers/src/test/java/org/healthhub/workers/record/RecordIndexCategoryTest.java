package org.healthhub.workers.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.Topics;
import org.healthhub.workers.purchase.MatchRecordsHandler;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Purchases match records by the category noted at store time; records without one match nothing. */
class RecordIndexCategoryTest {
  private static final String GROUP = "st-mary";

  @TempDir Path dir;
  private RecordIndex index;

  @BeforeEach
  void fill() throws Exception {
    index = new RecordIndex(dir.resolve("records"));
    put("r-heart-ann", "ann", GROUP, "cardiology");
    put("r-skin-ann", "ann", GROUP, "dermatology");
    put("r-heart-bob", "bob", GROUP, "Cardiology");
    put("r-heart-elsewhere", "cyd", "other-group", "cardiology");
    index.put(entry("r-old-dan", "dan", GROUP));
  }

  @Test
  void ofGroupInCategory_twoCategories_onlyTheGroupsRecordsOfThatCategory() throws Exception {
    assertThat(index.ofGroupInCategory(GROUP, "CARDIOLOGY ")).extracting(RecordIndex.Entry::recordId)
        .containsExactlyInAnyOrder("r-heart-ann", "r-heart-bob");
    assertThat(index.ofGroupInCategory(GROUP, "dermatology")).extracting(RecordIndex.Entry::recordId)
        .containsExactly("r-skin-ann");
  }

  @Test
  void ofGroupInCategory_entryIndexedWithoutCategory_neverMatches() throws Exception {
    assertThat(index.ofGroup(GROUP)).extracting(RecordIndex.Entry::recordId).contains("r-old-dan");
    assertThat(index.ofGroupInCategory(GROUP, "cardiology")).extracting(RecordIndex.Entry::patientId)
        .doesNotContain("dan");
  }

  @Test
  void ofGroup_categoriesKeptBeside_entriesStillListedAsBefore() throws Exception {
    assertThat(index.ofGroup(GROUP)).hasSize(4);
  }

  @Test
  void match_dermatologyRequested_onlyThePatientWithADermatologyRecordIsAsked() throws Exception {
    TaskOutcome outcome = new MatchRecordsHandler(index, GROUP).handle(new TaskInput(Topics.PURCHASE_MATCH, null,
        "pi-1", "ServiceTask_MatchRecords", Map.of(PurchaseVariables.CATEGORY, "Dermatology"), null));

    assertThat(outcome).isInstanceOf(TaskOutcome.Completed.class);
    assertThat(((TaskOutcome.Completed) outcome).variables()).containsEntry(PurchaseVariables.MATCHING_PATIENTS, "ann")
        .containsEntry(PurchaseVariables.MATCHING_PATIENTS_COUNT, 1)
        .containsEntry(PurchaseVariables.MATCHING_RECORDS_COUNT, 1);
  }

  @Test
  void match_categoryNoRecordHas_nobodyAsked() throws Exception {
    TaskOutcome outcome = new MatchRecordsHandler(index, GROUP).handle(new TaskInput(Topics.PURCHASE_MATCH, null,
        "pi-1", "ServiceTask_MatchRecords", Map.of(PurchaseVariables.CATEGORY, "oncology"), null));

    assertThat(((TaskOutcome.Completed) outcome).variables()).containsEntry(PurchaseVariables.MATCHING_PATIENTS_COUNT, 0)
        .doesNotContainKey(PurchaseVariables.MATCHING_PATIENTS);
  }

  private void put(String recordId, String patientId, String group, String category) throws Exception {
    index.putCategory(recordId, category);
    index.put(entry(recordId, patientId, group));
  }

  private static RecordIndex.Entry entry(String recordId, String patientId, String group) {
    return new RecordIndex.Entry(recordId, patientId, "doctor", group, "cid-" + recordId, "00", "sig-" + recordId,
        "0xtx", "2026-11-25T00:00:00Z");
  }
}
