package org.healthhub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.hygiene.AppSecrets;
import org.healthhub.processes.hygiene.SecretHit;
import org.healthhub.processes.hygiene.SecretScanner;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.storage.KuboBlobStore;
import org.healthhub.storage.KuboRpcClient;
import org.healthhub.storage.testing.IpfsNodeExtension;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.SealedRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole system as the embedded default runs it, against a real js-ipfs node: the app starts
 * anvil and deploys DataHub; two doctors enrol through enrol-doctor; four records for three patients
 * go through store-record (three forms, one FHIR JSON through REST); one share is read and expires,
 * another is revoked through REST; a buyer buys fields of the records of the two patients of three
 * who consent and accepts, then buys an altered record, disputes it and is refunded, every wei on
 * the chain checked after every step. Then chain and storage hold what they must, each ended share
 * left its record re-sealed under a new data key, and no secret of the app ({@link AppSecrets}:
 * private keys, keystore entries, passphrases, data keys old and new) nor any record's plaintext is
 * in any engine table, log line, blob, data file, calldata or chain log; secrets planted in each
 * place are found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class HealthHubEndToEndTest {

  @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();

  private static final List<String> MARKERS = List.of("E2E diagnosis one a81f", "E2E diagnosis two 3c07",
      "E2E fhir condition 9d24", "E2E Patient Name 6b1e", "E2E diagnosis three 5e92");

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) throws IOException {
    EngineApp.freshDataDir(registry);
    registry.add("healthhub.storage.ipfs-api-url", () -> IPFS.apiUrl().toString());
    registry.add("healthhub.chain.local.enabled", () -> "true");
    int port = freePort();
    registry.add("healthhub.chain.local.port", () -> Integer.toString(port));
  }

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired Keyring keyring;
  @Autowired DataHubAccess chain;
  @Autowired RecordIndex records;
  @Autowired SealedRecords sealedRecords;
  @Autowired BlobStore blobStore;
  @Autowired ApplicationContext app;

  @Test
  void twoDoctorsFourRecordsThreePatients_sharesEndPurchaseAcceptedPurchaseRefunded_everyWeiCheckedNothingSecretAnywhere(CapturedOutput output)
      throws Exception {
    AppScenario scenario = new AppScenario(runtimeService, taskService, historyService, identityService, blobStore);
    scenario.addUser("doctor2", "doctors");
    scenario.addUser("patient2", "patients");
    scenario.addUser("patient3", "patients");
    enrol("doctor");
    enrol("doctor2");

    String first = store("doctor", AppScenario.recordForm("patient", MARKERS.get(3), MARKERS.get(0)));
    String second = store("doctor2", AppScenario.recordForm("patient2", MARKERS.get(3), MARKERS.get(1)));
    String third = storeFhirThroughRest();
    String fourth = store("doctor", AppScenario.recordForm("patient3", MARKERS.get(3), MARKERS.get(4)));

    for (String recordId : List.of(first, second, third, fourth)) {
      RecordIndex.Entry entry = records.find(recordId).orElseThrow();
      assertThat(chain.as("admin").patientOf(HexFormat.of().parseHex(entry.merkleRoot())))
          .isEqualToIgnoringCase(chain.addressOf(entry.patientId()));
      try (BlobStore node = new KuboBlobStore(KuboRpcClient.builder(IPFS.apiUrl()).build())) {
        assertThat(node.exists(Cid.parse(entry.recordCid()))).as("record %s on the IPFS node", recordId).isTrue();
      }
    }
    Map<String, byte[]> firstDataKeys = new HashMap<>();
    for (String recordId : List.of(first, second, third, fourth)) {
      firstDataKeys.put(recordId, dataKeyOf(records.find(recordId).orElseThrow()));
    }
    JsonNode mine = EngineApp.as(rest, "patient").getForObject("/api/records", JsonNode.class);
    assertThat(mine.findValuesAsText("recordId")).containsExactlyInAnyOrder(first, third);
    assertThat(EngineApp.as(rest, "patient2").getForObject("/api/records", JsonNode.class).findValuesAsText("recordId"))
        .containsExactly(second);
    assertThat(status(EngineApp.as(rest, "patient2"), "/api/records/" + first + "/content"))
        .as("a patient reading another patient's record").isEqualTo(404);
    assertThat(status(EngineApp.as(rest, "patient"), "/api/records/" + second + "/content")).isEqualTo(404);
    assertThat(status(EngineApp.as(rest, "doctor2"), "/api/records/" + third + "/content"))
        .as("a doctor reading a record not shared with them").isEqualTo(404);
    assertThat(status(rest, "/api/records/" + first + "/content")).isEqualTo(401);
    assertThat(EngineApp.as(rest, "patient").getForEntity("/api/records/" + first + "/content", JsonNode.class)
        .getBody().get("fhirJson").asText()).as("the patient reads their own").contains(MARKERS.get(0));

    String expiring = scenario.share("patient", first, "doctor2", Instant.now().plusSeconds(8));
    scenario.awaitReadTask(expiring);
    assertThat(status(EngineApp.as(rest, "patient2"), "/engine-rest/process-instance/" + expiring + "/variables"))
        .as("another patient reading the share's variables through the engine").isIn(403, 404);
    assertThat(status(EngineApp.as(rest, "doctor"), "/api/records/" + first + "/content"))
        .as("shared with doctor2, not with doctor").isEqualTo(404);
    JsonNode read = EngineApp.as(rest, "doctor2")
        .getForObject("/api/records/" + first + "/content", JsonNode.class);
    assertThat(read.get("fhirJson").asText()).contains(MARKERS.get(0));
    assertThat(read.get("signatureValid").asBoolean()).isTrue();
    assertThat(read.get("merkleRootValid").asBoolean()).isTrue();
    assertThat(read.get("shareActiveOnChain").asBoolean()).isTrue();
    EngineApp.awaitEnd(historyService, expiring);
    ProcessAssertions.assertThat(historyService, expiring).hasEndedAt("EndEvent_ShareExpired");
    assertThat(EngineApp.as(rest, "doctor2")
        .getForEntity("/api/records/" + first + "/content", String.class).getStatusCode().value()).isEqualTo(404);

    String revoked = scenario.share("patient", third, "doctor2", Instant.now().plusSeconds(3600));
    scenario.awaitReadTask(revoked);
    String shareId = (String) runtimeService.getVariable(revoked, "shareId");
    assertThat(EngineApp.as(rest, "patient2").postForEntity("/api/shares/" + shareId + "/revoke", null, Void.class)
        .getStatusCode().value()).as("another patient revoking the share").isEqualTo(404);
    assertThat(EngineApp.as(rest, "patient")
        .postForEntity("/api/shares/" + shareId + "/revoke", null, Void.class).getStatusCode().value()).isEqualTo(202);
    EngineApp.awaitEnd(historyService, revoked);
    ProcessAssertions.assertThat(historyService, revoked).hasEndedAt("EndEvent_ShareRevoked");
    assertThat(chain.as("admin").hasShare(HexFormat.of().parseHex(records.find(third).orElseThrow().merkleRoot()),
        chain.addressOf("doctor2"))).isFalse();

    List<String> bundleCids = new EndToEndPurchases(runtimeService, taskService, historyService, identityService, chain,
        records, sealedRecords).acceptedThenDisputedAndRefunded(second);

    JsonNode patientsRead = rest.withBasicAuth("patient", "test-patient-password")
        .getForObject("/api/records/" + first + "/content", JsonNode.class);
    assertThat(patientsRead.get("fhirJson").asText()).as("the patient reads the record re-sealed at the share's end")
        .contains(MARKERS.get(0));
    assertThat(dataKeyOf(records.find(first).orElseThrow())).as("the data key rotated when the share ended")
        .isNotEqualTo(firstDataKeys.get(first));

    SecretScanner.Builder secrets = SecretScanner.builder();
    MARKERS.forEach(marker -> secrets.text("record plaintext '" + marker + "'", marker));
    firstDataKeys.forEach((recordId, key) -> secrets.bytes("first data key of record " + recordId, key));
    for (String bundleCid : bundleCids) {
      secrets.bytes("data key of the purchase delivery " + bundleCid, dataKeyOf(bundleCid, "buyer"));
    }
    SecretScanner scanner = AppSecrets.register(app, secrets).build();
    assertThat(scanner.secretCount()).as("secrets sought").isGreaterThan(40);
    assertThat(AppSecrets.scanEverywhere(app, scanner, output.getAll())).as("places holding a secret").isEmpty();

    byte[] planted = firstDataKeys.get(first);
    String probe = plantInEngineAndLog(planted);
    blobStore.put(new ByteArrayInputStream(("planted plaintext: " + MARKERS.get(1)).getBytes(StandardCharsets.UTF_8)));
    chain.connectionOf("admin").sender().send(chain.addressOf("admin"), "0x" + HexFormat.of().formatHex(planted),
        BigInteger.ZERO);
    List<SecretHit> found = AppSecrets.scanEverywhere(app, scanner, output.getAll());
    assertThat(found).as("the scan finds what was planted in each place").extracting(SecretHit::toString).contains(
        "first data key of record " + first + " in engine ACT_GE_BYTEARRAY.BYTES_ (raw)",
        "first data key of record " + first + " in engine ACT_RU_VARIABLE.TEXT_ (hex)",
        "first data key of record " + first + " in engine ACT_HI_VARINST.TEXT_ (base64@0)");
    assertThat(found).filteredOn(hit -> hit.place().equals("log")).extracting(SecretHit::encoding).contains("hex");
    assertThat(found).filteredOn(hit -> hit.place().equals("blob")).extracting(SecretHit::secret)
        .contains("record plaintext '" + MARKERS.get(1) + "'");
    assertThat(found).filteredOn(hit -> hit.place().equals("chain")).extracting(SecretHit::encoding).containsExactly("raw");
    runtimeService.deleteProcessInstance(probe, "probe done");
    historyService.deleteHistoricProcessInstance(probe);
  }

  /** The data key of a stored record, unwrapped with its patient's private key as the patient's reader does. */
  private byte[] dataKeyOf(RecordIndex.Entry entry) throws Exception {
    return dataKeyOf(entry.recordCid(), entry.patientId());
  }

  private byte[] dataKeyOf(String cid, String reader) throws Exception {
    return AppSecrets.dataKey(keyring, sealedRecords.envelope(cid), reader);
  }

  /** Leaks {@code dataKey} on purpose, raw and encoded, into a waiting process instance and a log line. */
  private String plantInEngineAndLog(byte[] dataKey) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("hospitalGroupId", "st-mary");
    variables.put("plantedRaw", dataKey);
    variables.put("plantedHex", HexFormat.of().formatHex(dataKey));
    variables.put("plantedBase64", Base64.getEncoder().encodeToString(dataKey));
    LoggerFactory.getLogger(HealthHubEndToEndTest.class).info("planted data key {}", HexFormat.of().formatHex(dataKey));
    return runtimeService.startProcessInstanceByKey("enrol-doctor", variables).getId();
  }

  private static int status(TestRestTemplate client, String path) {
    return client.getForEntity(path, String.class).getStatusCode().value();
  }

  private void enrol(String doctor) throws InterruptedException {
    String instance = EngineApp.requestEnrolment(identityService, runtimeService, doctor, "st-mary");
    String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    taskService.complete(task, Map.of("approved", true));
    EngineApp.awaitEnd(historyService, instance);
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_DoctorEnrolled");
  }

  private String store(String doctor, Map<String, Object> variables) throws InterruptedException {
    EngineApp.signIn(identityService, doctor);
    String instance;
    try {
      instance = runtimeService.startProcessInstanceByKey("store-record", variables).getId();
    } finally {
      identityService.clearAuthentication();
    }
    EngineApp.awaitEnd(historyService, instance);
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RecordStored");
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("recordId").singleResult().getValue();
  }

  private String storeFhirThroughRest() throws InterruptedException {
    String fhir = """
        {"resourceType":"Condition","subject":{"display":"%s"},"code":{"text":"%s"},"category":[{"text":"%s"}],
         "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]}}
        """.formatted(MARKERS.get(3), MARKERS.get(2), AppScenario.RECORD_CATEGORY);
    JsonNode started = EngineApp.as(rest, "doctor").postForObject("/api/records",
        Map.of("patientId", "patient", "hospitalGroupId", "st-mary", "fhirJson", fhir), JsonNode.class);
    String instance = started.get("processInstanceId").asText();
    EngineApp.awaitEnd(historyService, instance);
    ProcessAssertions.assertThat(historyService, instance).hasEndedAt("EndEvent_RecordStored");
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("recordId").singleResult().getValue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
