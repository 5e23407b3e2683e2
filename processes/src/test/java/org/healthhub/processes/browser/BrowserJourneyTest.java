package org.healthhub.processes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.healthhub.processes.EngineApp;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.enrol.MembershipList;
import org.healthhub.workers.record.RecordIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The human steps in a real browser (headless chromium), against the app as the embedded default
 * runs it (anvil with DataHub, the embedded blob store, in-process workers): each person signs in to
 * Tasklist in their own browser context and works through the forms and the records page; the test
 * checks every outcome on the page, in the engine and on chain. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyTest {

  private static final String GROUP = "st-mary";
  private static final String DIAGNOSIS = "Browser journey diagnosis 51c2";
  private static final List<String> PEOPLE =
      List.of("doctor", "doctor2", "patient", "patient2", "groupmanager", "gm2", "revocationmanager", "hospital", "buyer", "admin");
  private static final BigInteger PRICE = BigInteger.TEN.pow(15);
  private static final long PATIENT_SHARE_BPS = 4_000;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    EngineApp.embeddedDefault(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RecordIndex records;
  @Autowired MembershipList membershipList;
  @Autowired BlobStore blobStore;
  @Autowired DataHubAccess chain;

  private Browser browser;
  private RecordIndex.Entry record;

  @BeforeAll
  void everyoneSignsIn() throws IOException {
    addUser("doctor2", "doctors");
    addUser("gm2", "groupManagers");
    addUser("patient2", "patients");
    browser = Browser.start("http://localhost:" + port);
    for (String user : PEOPLE) {
      browser.step("signIn", "user", user, "password", EngineApp.passwordOf(user));
    }
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void wrongEntries_formShowsWhy_nothingStarts() throws IOException {
    long before = historyService.createHistoricProcessInstanceQuery().count();

    assertRefused(browser.step("startProcess", "user", "doctor", "process", "Enrol a doctor in a hospital group",
        "fields", List.of(List.of("Hospital group", "st mary!")), "screenshot", "form-enrol-doctor-request-refused"),
        "Hospital group", "A group id");
    assertRefused(browser.step("startProcess", "user", "doctor", "process", "Store a medical record",
        "fields", List.of(List.of("Patient (user id)", "patient"), List.of("Hospital group id", ""),
            List.of("Date of the visit", "2026-13-45"), List.of("Age (years)", "200")),
        "screenshot", "form-store-record-start-refused"),
        "Hospital group id", "Field is required", "Date of the visit", "Enter a real date", "Age (years)", "maximum value of 150");
    assertRefused(browser.step("startProcess", "user", "patient", "process", "Share a record with a doctor",
        "fields", List.of(List.of("Record", "some-record"), List.of("Doctor", "doctor2"), List.of("Shared until", "next friday")),
        "screenshot", "form-share-record-start-refused"),
        "Shared until", "Enter a date and time in UTC");
    assertRefused(browser.step("startProcess", "user", "gm2", "process", "Open a group signature (dual control)",
        "fields", List.of(List.of("Hospital group", GROUP), List.of("Signature fingerprint (SHA-256)", "not-hex"),
            List.of("Why this signature must be opened", "short")),
        "screenshot", "form-open-signature-request-refused"),
        "Signature fingerprint (SHA-256)", "64 hexadecimal digits", "Why this signature must be opened", "minimum length of 10");

    JsonNode forbidden = browser.step("startProcess", "user", "buyer", "process", "Purchase de-identified data",
        "fields", purchaseRequest("Condition.code.text\nPatient.name"), "screenshot", "form-purchase-data-request-refused");
    assertThat(forbidden.get("submitted").asBoolean()).as("purchase asking for a name started").isFalse();
    assertThat(forbidden.get("refusals").toString()).as("the reason shown").contains("Safe Harbor", "Patient.name");

    assertThat(historyService.createHistoricProcessInstanceQuery().count()).as("process instances started").isEqualTo(before);
  }

  @Test
  @Order(2)
  void doctorEnrolsAndStoresRecord_anchoredOnChainForThePatient() throws Exception {
    assertSubmitted(browser.step("startProcess", "user", "doctor", "process", "Enrol a doctor in a hospital group",
        "fields", List.of(List.of("Hospital group", GROUP)), "screenshot", "form-enrol-doctor-request"));
    String enrolment = latestInstanceOf("enrol-doctor");
    assertRefused(browser.step("completeTask", "user", "groupmanager", "task", "Approve the doctor's enrolment",
        "fields", List.of(List.of("Admit this doctor to the group", false), List.of("Reason for the rejection (sent to the doctor)", ""))),
        "Reason for the rejection (sent to the doctor)", "Field is required");
    assertSubmitted(browser.step("completeTask", "user", "groupmanager", "task", "Approve the doctor's enrolment",
        "fields", List.of(List.of("Admit this doctor to the group", true)), "screenshot", "form-enrol-doctor-approval"));
    EngineApp.awaitEnd(historyService, enrolment);
    ProcessAssertions.assertThat(historyService, enrolment).hasEndedAt("EndEvent_DoctorEnrolled");
    assertThat(membershipList.find(GROUP, "doctor")).as("doctor in the group's membership list").isPresent();

    storeRecordFor("patient", "Browser Journey Patient", DIAGNOSIS, "form-store-record-start");
    record = records.ofPatient("patient").get(0);
    assertThat(chain.as("admin").patientOf(root(record))).as("patient the record is anchored for")
        .isEqualToIgnoringCase(chain.addressOf("patient"));
  }

  @Test
  @Order(3)
  void patientSeesRecordSharesItThenRevokes_doctorReadsOnlyWhileShared() throws Exception {
    JsonNode page = browser.step("open", "user", "patient", "url", "/records.html", "waitFor", record.recordId());
    assertThat(page.get("text").asText()).contains("Records stored for me", GROUP);
    JsonNode opened = browser.step("click", "user", "patient", "button", "Open", "near", record.recordId(),
        "waitFor", DIAGNOSIS, "screenshot", "page-records-patient");
    assertThat(opened.get("text").asText()).contains("Group signature verified", "Content matches its signed Merkle root",
        "Anchored on chain for the patient", "Browser Journey Patient");

    String until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    assertSubmitted(browser.step("startProcess", "user", "patient", "process", "Share a record with a doctor", "fields",
        List.of(List.of("Record", record.recordId()), List.of("Doctor", "doctor2"), List.of("Shared until", until)),
        "screenshot", "form-share-record-start"));
    String share = latestInstanceOf("share-record");
    JsonNode readTask = browser.step("completeTask", "user", "doctor2", "task", "Read the shared record",
        "screenshot", "form-share-record-read", "read", true);
    assertThat(readTask.at("/shown/text").asText()).contains("A patient shared a record with you");
    assertThat(chain.as("admin").hasShare(root(record), chain.addressOf("doctor2"))).as("grant on chain").isTrue();
    browser.step("shoot", "user", "admin", "name", "cockpit-share-record-running", "waitFor", "Share a record",
        "url", "/operaton/app/cockpit/default/#/process-definition/"
            + historyService.createHistoricProcessInstanceQuery().processInstanceId(share).singleResult().getProcessDefinitionId()
            + "/runtime");

    browser.step("open", "user", "doctor2", "url", "/records.html", "waitFor", record.recordId());
    JsonNode read = browser.step("click", "user", "doctor2", "button", "Open", "near", record.recordId(),
        "waitFor", DIAGNOSIS, "screenshot", "page-records-doctor");
    assertThat(read.get("text").asText()).contains("Group signature verified", "Access in force on chain");

    browser.step("open", "user", "patient", "url", "/records.html", "waitFor", "doctor2");
    JsonNode revoked = browser.step("click", "user", "patient", "button", "Revoke", "near", "doctor2",
        "waitFor", "Revocation of the share with doctor2 sent");
    EngineApp.awaitEnd(historyService, share);
    ProcessAssertions.assertThat(historyService, share).hasEndedAt("EndEvent_ShareRevoked");
    assertThat(chain.as("admin").hasShare(root(record), chain.addressOf("doctor2"))).as("grant on chain after revoking").isFalse();
    assertThat(revoked.get("text").asText()).contains("doctor2");
    JsonNode afterwards = browser.step("open", "user", "patient", "url", "/records.html", "waitFor", "revoked");
    assertThat(afterwards.get("text").asText()).contains("revoked");

    JsonNode gone = browser.step("open", "user", "doctor2", "url", "/records.html", "waitFor", "revoked");
    assertThat(gone.get("text").asText()).doesNotContain(DIAGNOSIS);
  }

  @Test
  @Order(4)
  void secondGmRequestsOpening_gmAndRmApproveInTheirOwnSessions_gmSeesTheSigner() throws Exception {
    String digest;
    try (InputStream in = blobStore.get(Cid.parse(record.signatureCid()))) {
      digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
    assertSubmitted(browser.step("startProcess", "user", "gm2", "process", "Open a group signature (dual control)", "fields",
        List.of(List.of("Hospital group", GROUP), List.of("Signature (storage CID)", record.signatureCid()),
            List.of("Signature fingerprint (SHA-256)", digest), List.of("Signed record root", record.merkleRoot()),
            List.of("Why this signature must be opened", "a court order names this record")),
        "screenshot", "form-open-signature-request"));
    String opening = latestInstanceOf("open-signature");

    assertSubmitted(browser.step("completeTask", "user", "groupmanager", "task", "Approve opening the signature (Group Manager)",
        "fields", List.of(List.of("As Group Manager, approve opening this signature (you cannot approve your own request, nor both tasks)", true)),
        "screenshot", "form-open-signature-gm-approval"));
    assertSubmitted(browser.step("completeTask", "user", "revocationmanager", "task",
        "Approve opening the signature (Revocation Manager)", "fields",
        List.of(List.of("As Revocation Manager, approve opening this signature (you cannot approve your own request, nor both tasks)", true)),
        "screenshot", "form-open-signature-rm-approval"));
    EngineApp.awaitEnd(historyService, opening);
    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureValid")
        .hasVariable("gmApproverId", "groupmanager").hasVariable("rmApproverId", "revocationmanager");

    JsonNode result = browser.step("open", "user", "groupmanager", "url", "/opening.html?instance=" + opening,
        "waitFor", "Signature valid", "screenshot", "page-opening-result");
    assertThat(result.get("text").asText()).containsPattern("Signed by\\s+doctor\\b");
  }

  @Test
  @Order(5)
  void buyerPurchases_hospitalReplies_onePatientConsents_buyerAccepts_creditedOnChain() throws Exception {
    storeRecordFor("patient2", "Second Journey Patient", "Second journey diagnosis", null);
    BigInteger hospitalBefore = credits("hospital");
    BigInteger patientBefore = credits("patient");
    BigInteger patient2Before = credits("patient2");

    String purchase = requestPurchaseAndConsent("form-purchase-data");
    JsonNode verdict = browser.step("completeTask", "user", "buyer", "task", "Accept or dispute the delivery", "read", true,
        "fields", List.of(List.of("Your decision", Map.of("radio", "Accept the delivery"))), "screenshot", "form-purchase-data-verdict");
    assertSubmitted(verdict);
    assertThat(verdict.at("/shown/fields/Verification").asText()).isEqualTo("ALL_VERIFIED");
    assertThat(verdict.at("/shown/fields/Result per record").asText().strip()).isEqualTo("record 1: verified");
    EngineApp.awaitEnd(historyService, purchase);
    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_Paid");

    BigInteger patientShare = PRICE.multiply(BigInteger.valueOf(PATIENT_SHARE_BPS)).divide(BigInteger.valueOf(10_000));
    assertThat(credits("patient")).as("consenting patient's credit").isEqualTo(patientBefore.add(patientShare));
    assertThat(credits("patient2")).as("declining patient's credit").isEqualTo(patient2Before);
    assertThat(credits("hospital")).as("hospital's credit").isEqualTo(hospitalBefore.add(PRICE.subtract(patientShare)));
  }

  @Test
  @Order(6)
  void buyerDisputes_gmAndRmApproveTheOpening_signatureValidPaidAsAccepted() throws Exception {
    BigInteger hospitalBefore = credits("hospital");
    String purchase = requestPurchaseAndConsent(null);
    assertSubmitted(browser.step("completeTask", "user", "buyer", "task", "Accept or dispute the delivery", "fields",
        List.of(List.of("Your decision", Map.of("radio", "Dispute a record")), List.of("Record to dispute (number)", "1")),
        "screenshot", "form-purchase-data-dispute"));

    assertSubmitted(browser.step("completeTask", "user", "groupmanager", "task", "Approve opening the signature (Group Manager)",
        "fields", List.of(List.of("As Group Manager, approve opening this signature (you cannot approve your own request, nor both tasks)", true))));
    assertSubmitted(browser.step("completeTask", "user", "revocationmanager", "task",
        "Approve opening the signature (Revocation Manager)", "fields",
        List.of(List.of("As Revocation Manager, approve opening this signature (you cannot approve your own request, nor both tasks)", true))));
    EngineApp.awaitEnd(historyService, purchase);
    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_DisputePaid");
    BigInteger patientShare = PRICE.multiply(BigInteger.valueOf(PATIENT_SHARE_BPS)).divide(BigInteger.valueOf(10_000));
    assertThat(credits("hospital")).as("hospital paid after the opening").isEqualTo(hospitalBefore.add(PRICE.subtract(patientShare)));
  }

  /** The buyer asks, the hospital replies, patient consents and patient2 declines, each in their own session. */
  private String requestPurchaseAndConsent(String screenshots) throws Exception {
    assertSubmitted(browser.step("startProcess", "user", "buyer", "process", "Purchase de-identified data",
        "fields", purchaseRequest("Condition.code.text\nPatient.gender"), "screenshot", shot(screenshots, "-request")));
    String purchase = latestInstanceOf("purchase-data");
    assertSubmitted(browser.step("completeTask", "user", "hospital", "task", "Review the purchase request", "fields",
        List.of(List.of("Your decision", Map.of("radio", "Reply with an offer")),
            List.of("Patients' share of the price (basis points)", Long.toString(PATIENT_SHARE_BPS))),
        "screenshot", shot(screenshots, "-review")));
    assertSubmitted(browser.step("completeTask", "user", "patient", "taskId", consentTaskOf(purchase, "patient"),
        "fields", List.of(List.of("I consent to these fields of my records being sold to this buyer", true)),
        "screenshot", shot(screenshots, "-consent")));
    assertSubmitted(browser.step("completeTask", "user", "patient2", "taskId", consentTaskOf(purchase, "patient2"),
        "fields", List.of(List.of("I consent to these fields of my records being sold to this buyer", false))));
    return purchase;
  }

  private static String shot(String prefix, String suffix) {
    return prefix == null ? null : prefix + suffix;
  }

  private static List<List<String>> purchaseRequest(String fields) {
    return List.of(List.of("Category of data", "general"), List.of("Fields wanted", fields),
        List.of("Minimum number of records", "1"), List.of("Price (wei)", PRICE.toString()),
        List.of("Reply deadline (hours from now)", "24"), List.of("Delivery deadline (hours from now)", "48"));
  }

  /** The consent task the flow made for one patient, as the link in a notification to them would name it. */
  private String consentTaskOf(String purchase, String patient) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    for (;;) {
      List<Task> tasks = taskService.createTaskQuery().processInstanceId(purchase).taskDefinitionKey("UserTask_PatientConsent")
          .taskCandidateUser(patient).list();
      if (!tasks.isEmpty()) {
        return tasks.get(0).getId();
      }
      assertThat(System.currentTimeMillis()).as("%s's consent task within two minutes", patient).isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  /** The doctor stores a record from the start form and the flow anchors it. */
  private void storeRecordFor(String patient, String name, String diagnosis, String screenshot)
      throws InterruptedException, IOException {
    assertSubmitted(browser.step("startProcess", "user", "doctor", "process", "Store a medical record", "fields", List.of(
        List.of("Patient (user id)", patient), List.of("Patient name", name), List.of("Date of the visit", "2026-11-20"),
        List.of("Category", "general"), List.of("Age (years)", "41"), List.of("Gender", Map.of("option", "Female")),
        List.of("Diagnosis", diagnosis), List.of("Medications (one per line)", "Metformin 500 mg"),
        List.of("Hospital", "St Mary")), "screenshot", screenshot));
    String stored = latestInstanceOf("store-record");
    EngineApp.awaitEnd(historyService, stored);
    ProcessAssertions.assertThat(historyService, stored).hasEndedAt("EndEvent_RecordStored");
  }

  private BigInteger credits(String user) throws Exception {
    return chain.as("admin").credits(chain.addressOf(user));
  }

  private static void assertSubmitted(JsonNode answer) {
    assertThat(answer.get("submitted").asBoolean()).as("form accepted, messages: %s", answer.get("errors")).isTrue();
  }

  /** The form refused the entry: the button stayed disabled and each named field shows its message. */
  private static void assertRefused(JsonNode answer, String... labelsAndMessages) {
    assertThat(answer.get("submitted").asBoolean()).as("form refused the entry").isFalse();
    for (int i = 0; i < labelsAndMessages.length; i += 2) {
      String label = labelsAndMessages[i];
      String message = labelsAndMessages[i + 1];
      assertThat(answer.get("errors").findValuesAsText("label").stream().map(l -> l.replace("*", "").trim()).toList())
          .as("fields with a message").contains(label);
      assertThat(answer.get("errors").toString()).as("message under %s", label).contains(message);
    }
  }

  private String latestInstanceOf(String processKey) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  private static byte[] root(RecordIndex.Entry entry) {
    return HexFormat.of().parseHex(entry.merkleRoot());
  }

  private void addUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(EngineApp.passwordOf(id));
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

}
