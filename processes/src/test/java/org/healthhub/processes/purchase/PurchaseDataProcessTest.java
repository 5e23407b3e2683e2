package org.healthhub.processes.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.healthhub.chain.PurchaseState;
import org.healthhub.chain.PurchaseView;
import org.healthhub.crypto.groupsig.opening.ManagerRole;
import org.healthhub.crypto.record.merkle.DisclosedField;
import org.healthhub.processes.ProcessAssertions;
import org.healthhub.processes.record.EngineTableScan;
import org.healthhub.workers.VerificationWords;
import org.healthhub.workers.opening.ManagerKeys;
import org.healthhub.workers.opening.OpeningReport;
import org.healthhub.workers.purchase.DeliveredRecord;
import org.healthhub.workers.purchase.DeliveryBundle;
import org.healthhub.workers.purchase.DisputedRecord;
import org.healthhub.workers.purchase.PurchaseVariables;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordVariables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;

/**
 * Every path of purchase-data with the real handlers: records stored by store-record, escrow and
 * settlement on DataHub (anvil), consent tasks per patient, delivery sealed to the buyer in the
 * embedded blob store, the buyer's proof and batch signature checks, and disputes opened by the real
 * open-signature flow. Deadlines pass by moving anvil's clock and firing the engine's timers.
 */
class PurchaseDataProcessTest {
  private static final BigInteger PRICE = BigInteger.valueOf(1_000_000_007);
  private static final long HOUR = 3600;
  private static final long DISPUTE_WINDOW = 3 * 24 * HOUR;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static PurchaseFlowFixture fixture;
  private static RuntimeService runtimeService;
  private static HistoryService historyService;

  @BeforeAll
  static void start() throws Exception {
    fixture = new PurchaseFlowFixture();
    runtimeService = fixture.records.engine.getRuntimeService();
    historyService = fixture.records.engine.getHistoryService();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void start_forbiddenField_refusedWithTheReasonAndNothingStarted() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("purchase-data").count();
    Map<String, Object> request = request(1);
    request.put("purchaseFields", "Condition.code.text, Patient.name.text, Patient.birthDate");

    assertThatThrownBy(() -> fixture.startAs("buyer", "purchase-data", request))
        .hasMessageContaining("refused by the Safe Harbor de-identification profile")
        .hasMessageContaining("Patient.name.text")
        .hasMessageContaining("Patient.birthDate");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("purchase-data").count())
        .isEqualTo(before);
  }

  @Test
  void decline_hospitalDeclines_buyerRefundedAtOnce() throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = requested(1);
    assertThat(chain(purchase).state()).isEqualTo(PurchaseState.REQUESTED);
    assertThat(chain(purchase).amount()).isEqualTo(PRICE);
    assertThat(variable(purchase, "matchingPatientsCount")).isEqualTo(2);

    fixture.complete(purchase, "UserTask_HospitalReview", "hospital", Map.of("hospitalDecision", "DECLINE"));
    fixture.run();

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_Declined")
        .hasVariable("settlementStatus", "REFUNDED");
    assertThat(fixture.credits("buyer")).isEqualTo(credits.add(PRICE));
  }

  @Test
  void noReply_deadlinePasses_buyerRefunded() throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = requested(1);

    fixture.deadlinePasses(purchase, "BoundaryEvent_NoReply", 2 * HOUR);

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_RefundedNoReply");
    assertThat(fixture.credits("buyer")).isEqualTo(credits.add(PRICE));
  }

  @Test
  void tooFewConsents_oneOfTwoRequired_refundedWithoutDelivery() throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = replied(2);

    consent(purchase, "patient", true);
    consent(purchase, "patient2", false);
    fixture.run();

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_RefundedTooFewConsents")
        .hasVariable("consentingPatientIds", "patient");
    assertThat(variableOrNull(purchase, "bundleCid")).as("nothing delivered").isNull();
    assertThat(chain(purchase).state()).isEqualTo(PurchaseState.REFUNDED);
    assertThat(fixture.credits("buyer")).isEqualTo(credits.add(PRICE));
  }

  @Test
  void consentTimeout_silentPatientCountsAsNo_onlyTheConsentingPatientDelivered() throws Exception {
    ProcessInstance purchase = replied(1);
    consent(purchase, "patient", true);

    fixture.deadlinePasses(purchase, "BoundaryEvent_ConsentDeadline", HOUR);

    assertThat(waitingAt(purchase)).containsExactly("UserTask_BuyerDecision");
    assertThat(variable(purchase, "deliveredRecordsCount")).isEqualTo(1);
    assertThat(chain(purchase).patients()).containsExactly(fixture.records.dataHub.addressOf("patient").toLowerCase());
    assertThat(variable(purchase, "verificationResults")).isEqualTo("record 1: verified\n");
  }

  @Test
  void noDelivery_deliverByPassesBeforeTheDeliveryRuns_buyerRefunded() throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = replied(1);
    consent(purchase, "patient", true);
    consent(purchase, "patient2", true);

    fixture.deadlinePasses(purchase, "BoundaryEvent_NoDeliveryBuilt", 5 * HOUR);

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_RefundedNoDelivery");
    assertThat(variableOrNull(purchase, "bundleCid")).isNull();
    assertThat(fixture.credits("buyer")).isEqualTo(credits.add(PRICE));
  }

  @Test
  void match_oncologyRequested_onlyThePatientWithAnOncologyRecordAskedAndOnlyThatRecordDelivered() throws Exception {
    Map<String, Object> oncology = request(1);
    oncology.put("purchaseCategory", "Oncology");
    ProcessInstance purchase = fixture.startAs("buyer", "purchase-data", oncology);
    fixture.run();
    assertThat(variable(purchase, "matchingPatientIds")).isEqualTo("patient2");
    assertThat(variable(purchase, "matchingRecordsCount")).isEqualTo(1);
    fixture.complete(purchase, "UserTask_HospitalReview", "hospital",
        Map.of("hospitalDecision", "REPLY", "patientShareBps", 5_000L));
    fixture.run();

    assertThat(consentTasks(purchase, "patient")).as("patient holds cardiology records only").isZero();
    assertThat(consentTasks(purchase, "patient2")).isEqualTo(1);
    consent(purchase, "patient2", true);
    fixture.run();

    assertThat(waitingAt(purchase)).containsExactly("UserTask_BuyerDecision");
    List<DeliveredRecord> delivered = DeliveryBundle.decode(
        fixture.records.records.open((String) variable(purchase, "bundleCid"), "buyer"));
    String oncologyRoot = RecordVariables.hex(RecordVariables.unhex(
        fixture.recordOf("patient2", PurchaseFlowFixture.ONCOLOGY).merkleRoot()));
    assertThat(delivered).extracting(DeliveredRecord::merkleRoot).containsExactly(oncologyRoot);
  }

  @Test
  void consent_twoPatientsAnswerAtTheSameMoment_bothAnswersCount() throws Exception {
    ProcessInstance purchase = replied(2);
    CountDownLatch bothReady = new CountDownLatch(2);
    ExecutorService patients = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> answers = new ArrayList<>();
      for (String patient : List.of("patient", "patient2")) {
        answers.add(patients.submit(() -> {
          bothReady.countDown();
          bothReady.await();
          fixture.complete(purchase, "UserTask_PatientConsent", patient, Map.of("consentGiven", true));
          return null;
        }));
      }
      for (Future<?> answer : answers) {
        answer.get();
      }
    } finally {
      patients.shutdownNow();
    }
    fixture.run();

    assertThat(waitingAt(purchase)).containsExactly("UserTask_BuyerDecision");
    assertThat(PurchaseVariables.ids(variable(purchase, "consentingPatientIds")))
        .containsExactlyInAnyOrder("patient", "patient2");
    assertThat(variable(purchase, "deliveredRecordsCount")).isEqualTo(2);
  }

  @Test
  void consent_answeredBySomeoneElse_refused() {
    ProcessInstance purchase = replied(1);
    String patientsTask = fixture.records.engine.getTaskService().createTaskQuery().processInstanceId(purchase.getId())
        .taskCandidateUser("patient").singleResult().getId();
    fixture.records.engine.getIdentityService().setAuthenticatedUserId("hospital");
    try {
      assertThatThrownBy(() -> fixture.records.engine.getTaskService().complete(patientsTask, Map.of("consentGiven", true)))
          .hasMessageContaining("hospital cannot answer patient's consent");
    } finally {
      fixture.records.engine.getIdentityService().clearAuthentication();
    }
    runtimeService.deleteProcessInstance(purchase.getId(), "probe done");
  }

  @Test
  void accept_bothConsent_verifiedThenHospitalAndPatientsPaidAndDeliveryHoldsNoIdentifier() throws Exception {
    Map<String, BigInteger> before = credits("hospital", "patient", "patient2");
    ProcessInstance purchase = delivered(2, 5_000);
    assertThat(variable(purchase, "verificationStatus")).isEqualTo("ALL_VERIFIED");
    assertThat(variable(purchase, "verificationResults")).isEqualTo("record 1: verified\nrecord 2: verified\n");

    fixture.complete(purchase, "UserTask_BuyerDecision", "buyer", Map.of("buyerDecision", "ACCEPT"));
    fixture.run();

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_Paid")
        .hasVariable("settlementStatus", "SETTLED");
    BigInteger perPatient = PRICE.multiply(BigInteger.valueOf(5_000)).divide(BigInteger.valueOf(10_000))
        .divide(BigInteger.TWO);
    assertThat(fixture.credits("patient")).isEqualTo(before.get("patient").add(perPatient));
    assertThat(fixture.credits("patient2")).isEqualTo(before.get("patient2").add(perPatient));
    assertThat(fixture.credits("hospital")).isEqualTo(before.get("hospital").add(PRICE.subtract(perPatient.multiply(BigInteger.TWO))));
    assertDeliveryHoldsOnlyAllowedFields(purchase);
    assertThat(EngineTableScan.find(fixture.records.engine, PurchaseFlowFixture.DIAGNOSIS)).isEmpty();
    assertThat(EngineTableScan.find(fixture.records.engine, PurchaseFlowFixture.PATIENT_NAME)).isEmpty();
  }

  @Test
  void silence_disputeWindowPasses_finalizedAndPaid() throws Exception {
    BigInteger hospital = fixture.credits("hospital");
    ProcessInstance purchase = delivered(1, 0);

    fixture.deadlinePasses(purchase, "BoundaryEvent_DisputeWindowOver", DISPUTE_WINDOW + 1);

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_PaidSilently")
        .hasVariable("settlementStatus", "SETTLED");
    assertThat(fixture.credits("hospital")).isEqualTo(hospital.add(PRICE));
  }

  @Test
  void forbiddenFieldAtDelivery_refusedAndRefunded() throws Exception {
    ProcessInstance purchase = replied(1);
    runtimeService.setVariable(purchase.getId(), "purchaseFields", "Condition.code.text, Patient.name.text");
    consent(purchase, "patient", true);
    consent(purchase, "patient2", true);
    fixture.run();

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_RefundedForbiddenField");
    assertThat(variableOrNull(purchase, "bundleCid")).isNull();
    assertThat(chain(purchase).state()).isEqualTo(PurchaseState.REFUNDED);
  }

  @Test
  void disputeValidRecord_openingFindsItValid_paidAsAccepted() throws Exception {
    ProcessInstance purchase = delivered(2, 5_000);

    ProcessInstance opening = dispute(purchase, 1);
    bothManagersApprove(opening);

    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureValid");
    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_DisputePaid");
    assertThat(chain(purchase).state()).isEqualTo(PurchaseState.SETTLED);
  }

  @Test
  void failedVerification_forgedSignatureDisputed_openingFindsItInvalid_buyerRefunded() throws Exception {
    RecordIndex.Entry genuine = fixture.recordOf("patient2", "cardiology");
    forgeSignature(genuine);
    try {
      disputeTheRecordWith(VerificationWords.SIGNATURE_INVALID);
    } finally {
      fixture.records.index.put(genuine);
    }
  }

  @Test
  void failedVerification_alteredFieldsUnderGenuineSignatureDisputed_openingFindsItInvalid_buyerRefunded() throws Exception {
    RecordIndex.Entry genuine = fixture.recordOf("patient2", "cardiology");
    alterGender(genuine);
    try {
      OpeningReport report = report(disputeTheRecordWith(VerificationWords.PROOF_INVALID));
      assertThat(report.valid()).isFalse();
      assertThat(report.reason()).startsWith(VerificationWords.PROOF_INVALID).contains("signature on that root is genuine");
    } finally {
      fixture.records.index.put(genuine);
    }
  }

  /**
   * A buyer whose own software swaps in the record to judge (the delivered signature under a root of
   * its choosing, here the other record's) proves nothing the hospital committed to: the dispute is
   * unfounded, the delivery stands and is paid, and nobody's signature is opened. Settling it rather
   * than leaving an incident matters: a dispute left without a verdict refunds the buyer.
   */
  @Test
  void dispute_buyerBypassesItsWorkerNamingAnotherRoot_unfoundedAndHospitalPaid() throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = delivered(2, 5_000);
    ProcessInstance opening = dispute(purchase, 1);
    List<DeliveredRecord> delivered = DeliveryBundle.decode(
        fixture.records.records.open((String) variable(purchase, "bundleCid"), "buyer"));
    DeliveredRecord disputed = delivered.get(0);
    String otherRoot = delivered.get(1).merkleRoot();
    List<DeliveredRecord> named = List.of(new DeliveredRecord(otherRoot, disputed.hospitalGroupId(),
        disputed.signature(), disputed.disclosure()), delivered.get(1));
    byte[] sealed = DisputedRecord.of(named, 0).sealTo(new ManagerKeys(
            fixture.records.keyring.wrappingPublicKey("groupmanager"),
            fixture.records.keyring.wrappingPublicKey("revocationmanager")),
        RecordVariables.unhex((String) variable(purchase, "purchaseId")),
        RecordVariables.unhex((String) variable(opening, "signatureDigest")));
    runtimeService.setVariable(opening.getId(), "disputedRecordCid",
        fixture.records.store.put(new ByteArrayInputStream(sealed)).cid().toString());
    runtimeService.setVariable(opening.getId(), "signedRoot", otherRoot);

    bothManagersApprove(opening);

    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureValid");
    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_DisputePaid");
    assertThat(chain(purchase).state()).isEqualTo(PurchaseState.SETTLED);
    assertThat(fixture.credits("buyer")).isEqualTo(credits);
    OpeningReport report = report(opening);
    assertThat(report.reason()).startsWith("the dispute is unfounded").contains("not one the hospital committed to");
    assertThat(report.memberId()).isEmpty();
  }

  @Test
  void noVerdict_managersNeverDecide_refundedAfterTheVerdictDeadline() throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = delivered(1, 5_000);
    ProcessInstance opening = dispute(purchase, 1);

    fixture.deadlinePasses(purchase, "IntermediateCatchEvent_NoVerdict", 2 * DISPUTE_WINDOW + 1);

    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_RefundedNoVerdict");
    assertThat(fixture.credits("buyer")).isEqualTo(credits.add(PRICE));
    runtimeService.deleteProcessInstance(opening.getId(), "its purchase was refunded without a verdict");
  }

  // ---- steps ----

  private static Map<String, Object> request(int minimumRecords) {
    return PurchaseJourney.requestForm("Condition.code.text\nPatient.gender", PRICE.toString(), minimumRecords);
  }

  private static ProcessInstance requested(int minimumRecords) {
    ProcessInstance purchase = fixture.startAs("buyer", "purchase-data", request(minimumRecords));
    fixture.run();
    assertThat(waitingAt(purchase)).containsExactly("UserTask_HospitalReview");
    return purchase;
  }

  private static ProcessInstance replied(int minimumRecords) {
    return replied(minimumRecords, 5_000);
  }

  private static ProcessInstance replied(int minimumRecords, int patientShareBps) {
    ProcessInstance purchase = requested(minimumRecords);
    fixture.complete(purchase, "UserTask_HospitalReview", "hospital",
        Map.of("hospitalDecision", "REPLY", "patientShareBps", (long) patientShareBps));
    fixture.run();
    assertThat(waitingAt(purchase)).containsOnly("UserTask_PatientConsent");
    return purchase;
  }

  private static ProcessInstance delivered(int consenting, int patientShareBps) {
    ProcessInstance purchase = replied(1, patientShareBps);
    consent(purchase, "patient", true);
    consent(purchase, "patient2", consenting > 1);
    fixture.run();
    assertThat(waitingAt(purchase)).containsExactly("UserTask_BuyerDecision");
    return purchase;
  }

  /** The patient answers, and the answer's continuation runs as the job executor would run it. */
  private static void consent(ProcessInstance purchase, String patient, boolean given) {
    fixture.complete(purchase, "UserTask_PatientConsent", patient, Map.of("consentGiven", given));
    fixture.continueAsync();
  }

  private static ProcessInstance dispute(ProcessInstance purchase, int recordNumber) {
    fixture.complete(purchase, "UserTask_BuyerDecision", "buyer",
        Map.of("buyerDecision", "DISPUTE", "disputedRecordNumber", (long) recordNumber));
    fixture.run();
    assertThat(waitingAt(purchase)).containsExactly("EventBasedGateway_Verdict");
    ProcessInstance opening = runtimeService.createProcessInstanceQuery().processDefinitionKey("open-signature")
        .variableValueEquals("purchaseId", variable(purchase, "purchaseId")).singleResult();
    assertThat(opening).as("open-signature started by the dispute").isNotNull();
    assertThat(runtimeService.getVariable(opening.getId(), "openingRequester")).isEqualTo("buyer");
    return opening;
  }

  /**
   * Delivers both patients' records; the buyer's check names {@code problem} for one of them, the
   * buyer disputes that one, the opening finds the delivery invalid and the buyer is refunded.
   * Returns the opening.
   */
  private static ProcessInstance disputeTheRecordWith(String problem) throws Exception {
    BigInteger credits = fixture.credits("buyer");
    ProcessInstance purchase = delivered(2, 5_000);
    String results = (String) variable(purchase, "verificationResults");
    assertThat(variable(purchase, "verificationStatus")).isEqualTo("REJECTED");
    assertThat(results).containsOnlyOnce(problem).containsOnlyOnce("verified");

    ProcessInstance opening = dispute(purchase, results.startsWith("record 1: verified") ? 2 : 1);
    bothManagersApprove(opening);

    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureInvalid");
    ProcessAssertions.assertThat(historyService, purchase).hasEndedAt("EndEvent_DisputeRefunded");
    assertThat(fixture.credits("buyer")).isEqualTo(credits.add(PRICE));
    return opening;
  }

  private static void bothManagersApprove(ProcessInstance opening) {
    fixture.complete(opening, "UserTask_GmApproval", "groupmanager", Map.of("gmApproved", true));
    fixture.complete(opening, "UserTask_RmApproval", "revocationmanager", Map.of("rmApproved", true));
    fixture.run();
  }

  /** A dishonest hospital's record: patient2's record carrying a signature the doctor made on another record. */
  private static void forgeSignature(RecordIndex.Entry victim) throws Exception {
    RecordIndex.Entry other = fixture.recordOf("patient", "cardiology");
    JsonNode otherPayload = JSON.readTree(fixture.records.records.open(other.recordCid(), "patient"));
    ObjectNode payload = (ObjectNode) JSON.readTree(fixture.records.records.open(victim.recordCid(), "patient2"));
    payload.put("signature", otherPayload.get("signature").asText());
    reseal(victim, payload);
  }

  /** A dishonest hospital's record: patient2's gender changed after the doctor signed and anchored its root. */
  private static void alterGender(RecordIndex.Entry victim) throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(fixture.records.records.open(victim.recordCid(), "patient2"));
    String fhir = payload.get("fhir").asText();
    String altered = fhir.replaceAll("\"gender\"\\s*:\\s*\"female\"", "\"gender\":\"male\"");
    assertThat(altered).as("the record's gender").isNotEqualTo(fhir);
    payload.put("fhir", altered);
    reseal(victim, payload);
  }

  private static void reseal(RecordIndex.Entry victim, ObjectNode payload) throws Exception {
    String cid = fixture.records.records.seal(victim.recordId(), JSON.writeValueAsBytes(payload), List.of("patient2"));
    fixture.records.index.put(victim.withRecordCid(cid));
  }

  private static OpeningReport report(ProcessInstance opening) throws Exception {
    return OpeningReport.read(fixture.records.store, (String) variable(opening, "openingResultCid"),
        (String) variable(opening, "signatureDigest"), ManagerRole.GROUP_MANAGER,
        fixture.records.keyring.keysOf("groupmanager").wrapping());
  }

  /** Walks the delivered JSON as the buyer opens it: only the asked fields, none of the record's identifiers. */
  private static void assertDeliveryHoldsOnlyAllowedFields(ProcessInstance purchase) throws Exception {
    byte[] opened = fixture.records.records.open((String) variable(purchase, "bundleCid"), "buyer");
    String text = new String(opened, StandardCharsets.UTF_8);
    List<DeliveredRecord> delivered = DeliveryBundle.decode(opened);
    assertThat(delivered).hasSize(2);
    for (DeliveredRecord record : delivered) {
      assertThat(record.disclosure().fields()).extracting(DisclosedField::path)
          .allMatch(path -> path.endsWith("/code/text") || path.endsWith("/gender"));
      assertThat(record.disclosure().fields()).extracting(DisclosedField::canonicalValue)
          .contains("\"" + PurchaseFlowFixture.DIAGNOSIS + "\"", "\"female\"");
    }
    for (String identifier : List.of(PurchaseFlowFixture.PATIENT_NAME, PurchaseFlowFixture.LOCATION,
        PurchaseFlowFixture.VISIT_DATE, "St Mary", "follow up", "patient2")) {
      assertThat(text).as("delivered JSON").doesNotContain(identifier);
    }
    assertThat(fixture.records.records.envelope((String) variable(purchase, "bundleCid")).wraps())
        .containsOnlyKeys("buyer");
    assertThat(RecordVariables.hex(chain(purchase).bundleDigest())).isEqualTo(variable(purchase, "bundleDigest"));
  }

  // ---- reading ----

  private static PurchaseView chain(ProcessInstance purchase) throws Exception {
    return fixture.records.dataHub.as("admin").purchase(RecordVariables.unhex((String) variable(purchase, "purchaseId")));
  }

  private static Map<String, BigInteger> credits(String... users) throws Exception {
    Map<String, BigInteger> credits = new HashMap<>();
    for (String user : users) {
      credits.put(user, fixture.credits(user));
    }
    return credits;
  }

  private static long consentTasks(ProcessInstance purchase, String patient) {
    return fixture.records.engine.getTaskService().createTaskQuery().processInstanceId(purchase.getId())
        .taskDefinitionKey("UserTask_PatientConsent").taskCandidateUser(patient).count();
  }

  private static List<String> waitingAt(ProcessInstance instance) {
    return runtimeService.getActiveActivityIds(instance.getId()).stream()
        .filter(id -> !id.endsWith("#multiInstanceBody") && !id.startsWith("SubProcess_")).distinct().toList();
  }

  private static Object variable(ProcessInstance instance, String name) {
    Object value = variableOrNull(instance, name);
    assertThat(value).as("variable %s", name).isNotNull();
    return value;
  }

  private static Object variableOrNull(ProcessInstance instance, String name) {
    var found = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list();
    return found.isEmpty() ? null : found.get(0).getValue();
  }
}
