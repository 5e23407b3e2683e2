package org.healthhub.processes.purchase;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.processes.record.RecordFlowFixture;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.Subscriptions;
import org.healthhub.workers.Topics;
import org.healthhub.workers.enrol.HospitalOpeningGroups;
import org.healthhub.workers.launch.ExternalTaskPoller;
import org.healthhub.workers.opening.CombineOpeningHandler;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.opening.PartialOpeningHandler;
import org.healthhub.workers.purchase.PurchaseFlowHandlers;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.SignRootHandler;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * The record flows' fixture (keystores, CPY06 group, blob store, anvil with DataHub, in-memory
 * engine) with purchase-data, store-record and open-signature deployed, three stored records (a
 * cardiology record per patient, and an oncology record of patient2's), the engine's users in their groups, and every real handler the three flows use.
 */
final class PurchaseFlowFixture {
  static final String DIAGNOSIS = "Marker diagnosis 3c81d2";
  static final String PATIENT_NAME = "Marker Patient 77e0ab";
  static final String LOCATION = "Marker Town 5d21";
  static final String VISIT_DATE = "2026-11-20";
  /** The category of patient2's second record; every other record is cardiology, which purchases ask for by default. */
  static final String ONCOLOGY = "oncology";

  final RecordFlowFixture records;
  final ExternalTaskPoller poller;

  PurchaseFlowFixture() throws Exception {
    records = new RecordFlowFixture("purchase-data-tests");
    records.enrol("doctor");
    records.engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/store-record.bpmn")
        .addClasspathResource("forms/store-record-start.form")
        .addClasspathResource("forms/store-record-fix.form")
        .addClasspathResource("bpmn/purchase-data.bpmn")
        .addClasspathResource("forms/purchase-data-request.form")
        .addClasspathResource("forms/purchase-data-review.form")
        .addClasspathResource("forms/purchase-data-consent.form")
        .addClasspathResource("forms/purchase-data-verdict.form")
        .addClasspathResource("bpmn/open-signature.bpmn")
        .addClasspathResource("forms/open-signature-request.form")
        .addClasspathResource("forms/open-signature-gm-approval.form")
        .addClasspathResource("forms/open-signature-rm-approval.form")
        .deploy();
    createUsers(records.engine.getIdentityService());
    poller = records.poller(allHandlers(), List.of(Duration.ZERO));
    storeRecord("patient", "cardiology");
    storeRecord("patient2", "cardiology");
    storeRecord("patient2", ONCOLOGY);
  }

  private Subscriptions allHandlers() throws Exception {
    HandlerResults results = new HandlerResults(records.dataDir.resolve("purchase-results"));
    HospitalOpeningGroups openingGroups = new HospitalOpeningGroups(records.groups, records.keyring);
    ManagerKeys managers = new ManagerKeys(records.keyring.wrappingPublicKey("groupmanager"),
        records.keyring.wrappingPublicKey("revocationmanager"));
    Subscriptions.Builder builder = new PurchaseFlowHandlers(records.records, records.store, records.groups,
        records.dataHub, records.index, "hospital", RecordFlowFixture.GROUP, managers, results)
        .subscribeTo(records.allHandlers(records.dataHub));
    return builder
        .subscribe(Topics.OPENING_PARTIAL_GM, new PartialOpeningHandler(ManagerRole.GROUP_MANAGER, openingGroups,
            () -> records.dataHub.as("groupmanager"), records.store, openingGroups, managers, results))
        .subscribe(Topics.OPENING_PARTIAL_RM, new PartialOpeningHandler(ManagerRole.REVOCATION_MANAGER, openingGroups,
            () -> records.dataHub.as("revocationmanager"), records.store, openingGroups, managers, results))
        .subscribe(Topics.OPENING_COMBINE, new CombineOpeningHandler(() -> records.keyring.keysOf("groupmanager").wrapping(),
            () -> records.dataHub.as("groupmanager"), records.store, openingGroups, SignRootHandler::signedText, managers,
            results))
        .build();
  }

  private static void createUsers(IdentityService identity) {
    Map<String, String> groups = Map.of("groupmanager", "groupManagers", "revocationmanager", "revocationManagers",
        "hospital", "hospitals", "buyer", "buyers", "patient", "patients", "patient2", "patients");
    groups.values().stream().distinct().forEach(group -> identity.saveGroup(identity.newGroup(group)));
    groups.forEach((user, group) -> {
      identity.saveUser(identity.newUser(user));
      identity.createMembership(user, group);
    });
  }

  private void storeRecord(String patient, String category) {
    Map<String, Object> form = new HashMap<>();
    form.put("patientId", patient);
    form.put("hospitalGroupId", RecordFlowFixture.GROUP);
    form.put("form_patient", PATIENT_NAME);
    form.put("form_date", VISIT_DATE);
    form.put("form_category", category);
    form.put("form_age", 47);
    form.put("form_gender", "female");
    form.put("form_location", LOCATION);
    form.put("form_diagnosis", DIAGNOSIS);
    form.put("form_treatment", "rest");
    form.put("form_medications", "aspirin");
    form.put("form_labResults", "[{\"name\":\"troponin\",\"value\":\"0.02\",\"unit\":\"ng/mL\"}]");
    form.put("form_notes", "follow up in two weeks");
    form.put("form_hospital", "St Mary");
    startAs("doctor", "store-record", form);
    run();
  }

  ProcessInstance startAs(String user, String processKey, Map<String, Object> variables) {
    IdentityService identity = records.engine.getIdentityService();
    identity.setAuthenticatedUserId(user);
    try {
      return records.engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Claims and completes the instance's open task {@code taskKey} as {@code user}, as Tasklist does. */
  void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
    Task task = records.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).taskCandidateUser(user).singleResult();
    if (task == null) {
      throw new AssertionError("no task " + taskKey + " for " + user + " in " + instance.getId());
    }
    PurchaseJourney.claimAndComplete(records.engine.getIdentityService(), records.engine.getTaskService(), task, user,
        variables);
  }

  /** Runs the workers and the async continuations (never timers) until nothing is left; counts the tasks run. */
  int run() {
    int handled = 0;
    boolean progressed = true;
    while (progressed) {
      int fetched = RecordFlowFixture.drain(poller);
      handled += fetched;
      progressed = continueAsync() > 0 || fetched > 0;
    }
    return handled;
  }

  /** Runs the pending async continuations once (no workers, never timers); counts them. */
  int continueAsync() {
    ManagementService management = records.engine.getManagementService();
    List<Job> jobs = management.createJobQuery().messages().executable().list();
    jobs.forEach(job -> management.executeJob(job.getId()));
    return jobs.size();
  }

  /** Moves the chain past a deadline, fires the instance's timer at {@code activityId}, runs what follows. */
  void deadlinePasses(ProcessInstance instance, String activityId, long chainSeconds) throws Exception {
    records.chain.advanceTime(chainSeconds);
    Job timer = records.engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().singleResult();
    if (timer == null) {
      throw new AssertionError("no timer at " + activityId);
    }
    records.engine.getManagementService().executeJob(timer.getId());
    run();
  }

  /** The patient's record of {@code category} as the hospital's index holds it. */
  RecordIndex.Entry recordOf(String patient, String category) throws Exception {
    return records.index.ofGroupInCategory(RecordFlowFixture.GROUP, category).stream()
        .filter(entry -> entry.patientId().equals(patient)).findFirst().orElseThrow();
  }

  BigInteger credits(String user) throws Exception {
    return records.dataHub.as("admin").credits(records.dataHub.addressOf(user));
  }

  void close() {
    records.close();
  }
}
