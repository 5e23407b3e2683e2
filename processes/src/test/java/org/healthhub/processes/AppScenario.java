package org.healthhub.processes;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.record.RecordIndex;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.identity.User;

/** Drives the running app as its users would: a stored record, a share, an opening request. */
public final class AppScenario {

  public static final String GROUP = "st-mary";

  private static final long PATIENCE_MILLIS = 180_000;

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final BlobStore blobStore;

  public AppScenario(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      IdentityService identityService, BlobStore blobStore) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.blobStore = blobStore;
  }

  /** A record for {@code patient} stored by {@code doctor} through store-record; returns its id. */
  public String storeRecord(String doctor, String patient, String diagnosis) throws InterruptedException {
    String instance = startAs(doctor, "store-record", recordForm(patient, "Opening Test Patient", diagnosis));
    EngineApp.awaitEnd(historyService, instance);
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RecordStored");
    return variable(instance, "recordId");
  }

  /** {@code patient} shares the record with {@code doctor} until {@code until}; returns the share's instance. */
  public String share(String patient, String recordId, String doctor, java.time.Instant until) {
    return startAs(patient, "share-record",
        Map.of("recordId", recordId, "doctorId", doctor, "shareExpiresAt", until.toString()));
  }

  /** The category of every record the scenario stores, which a purchase must ask for to match them. */
  public static final String RECORD_CATEGORY = "general";

  /** The store-record start form's values, as a doctor fills them in. */
  public static Map<String, Object> recordForm(String patient, String patientName, String diagnosis) {
    Map<String, Object> form = new HashMap<>();
    form.put("patientId", patient);
    form.put("hospitalGroupId", GROUP);
    form.put("form_patient", patientName);
    form.put("form_date", "2026-11-24");
    form.put("form_category", RECORD_CATEGORY);
    form.put("form_age", 52);
    form.put("form_gender", "other");
    form.put("form_diagnosis", diagnosis);
    form.put("form_hospital", "St Mary");
    return form;
  }

  /** Waits until the share is in force: the doctor's read task is open (the limit only guards against a hang). */
  public void awaitReadTask(String share) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (taskService.createTaskQuery().processInstanceId(share).taskDefinitionKey("UserTask_ReadSharedRecord").count() == 0) {
      if (historyService.createHistoricProcessInstanceQuery().processInstanceId(share).finished().count() > 0) {
        throw new AssertionError("share " + share + " ended before the grant was in force");
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("share " + share + " not in force within " + PATIENCE_MILLIS + " ms");
      }
      Thread.sleep(50);
    }
  }

  /** {@code groupManager} asks to open the record's signature; returns the opening's instance. */
  public String requestOpening(String groupManager, RecordIndex.Entry record) throws Exception {
    byte[] signature;
    try (InputStream in = blobStore.get(Cid.parse(record.signatureCid()))) {
      signature = in.readAllBytes();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("hospitalGroupId", GROUP);
    variables.put("signatureCid", record.signatureCid());
    variables.put("signatureDigest", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signature)));
    variables.put("signedRoot", record.merkleRoot());
    variables.put("openingReason", "a court order names this record");
    return startAs(groupManager, "open-signature", variables);
  }

  public void addUser(String id, String group) {
    User user = identityService.newUser(id);
    user.setPassword(EngineApp.passwordOf(id));
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  public String variable(String instance, String name) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(name).singleResult().getValue();
  }

  /** Starts a flow as {@code user}, signed in as Tasklist would. */
  public String startAs(String user, String processKey, Map<String, Object> variables) {
    EngineApp.signIn(identityService, user);
    try {
      return runtimeService.startProcessInstanceByKey(processKey, variables).getId();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
