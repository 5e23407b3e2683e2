package org.healthhub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.chain.PurchaseState;
import org.healthhub.chain.PurchaseView;
import org.healthhub.processes.purchase.PurchaseJourney;
import org.healthhub.workers.VerificationWords;
import org.healthhub.workers.chain.DataHubAccess;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.SealedRecords;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/** The end-to-end test's two purchases through the running app's own beans, on its anvil and IPFS node. */
final class EndToEndPurchases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final DataHubAccess chain;
  private final RecordIndex records;
  private final SealedRecords sealedRecords;

  EndToEndPurchases(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      IdentityService identityService, DataHubAccess chain, RecordIndex records, SealedRecords sealedRecords) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.chain = chain;
    this.records = records;
    this.sealedRecords = sealedRecords;
  }

  /**
   * purchase-data twice in the running app, every wei checked after every step ({@link ChainLedger}).
   * Purchase 1: all three patients are asked, patient (two records) and patient3 consent, patient2
   * does not; the buyer's worker verifies and the buyer accepts. Purchase 2: patient2's record was
   * altered after its doctor signed it (a dishonest hospital), patient2 alone consents, the buyer's
   * check fails on it, the buyer disputes it, both managers approve the opening, the opening finds
   * the delivery invalid and the buyer is refunded. Then everyone credited withdraws. Returns the
   * delivered bundles' CIDs.
   */
  List<String> acceptedThenDisputedAndRefunded(String patient2Record) throws Exception {
    BigInteger price = BigInteger.TEN.pow(15);
    Map<String, String> parties = new LinkedHashMap<>();
    for (String user : List.of("admin", "hospital", "buyer", "patient", "patient2", "patient3", "groupmanager",
        "revocationmanager", "doctor", "doctor2")) {
      parties.put(user, chain.addressOf(user));
    }
    ChainLedger ledger = new ChainLedger(chain.connectionOf("admin").web3j(), chain.as("admin"), parties);
    ledger.step("before the purchases", Map.of());
    BigInteger gasMoney = BigInteger.TEN.pow(17);
    chain.connectionOf("admin").sender().send(chain.addressOf("patient3"), "0x", gasMoney);
    ledger.step("admin funds patient3's gas", Map.of("admin", gasMoney.negate(), "patient3", gasMoney));
    PurchaseJourney journey = new PurchaseJourney(runtimeService, taskService, identityService, historyService);

    String accepted = requestAndReply(journey, ledger, price, 4_000L);
    consentThenDelivery(journey, ledger, accepted, Map.of("patient", true, "patient2", false, "patient3", true));
    assertThat(journey.variable(accepted, "verificationStatus")).isEqualTo("ALL_VERIFIED");
    assertThat(journey.variable(accepted, "verificationResults"))
        .isEqualTo("record 1: verified\nrecord 2: verified\nrecord 3: verified\n");
    assertThat(purchaseOf(journey, accepted).patients()).containsExactlyInAnyOrder(chain.addressOf("patient"),
        chain.addressOf("patient3"));
    journey.complete(accepted, "UserTask_BuyerDecision", "buyer", Map.of("buyerDecision", "ACCEPT"));
    journey.awaitEnd(accepted);
    ProcessAssertions.assertThat(historyService, accepted).hasEndedAt("EndEvent_Paid");
    ledger.step("purchase 1 accepted", Map.of());
    BigInteger perPatient = price.multiply(BigInteger.valueOf(4_000)).divide(BigInteger.valueOf(10_000))
        .divide(BigInteger.TWO);
    assertThat(credits("patient")).isEqualTo(perPatient);
    assertThat(credits("patient3")).isEqualTo(perPatient);
    assertThat(credits("patient2")).isZero();
    assertThat(credits("hospital")).isEqualTo(price.subtract(perPatient.multiply(BigInteger.TWO)));
    assertThat(purchaseOf(journey, accepted).state()).isEqualTo(PurchaseState.SETTLED);

    RecordIndex.Entry genuine = records.find(patient2Record).orElseThrow();
    alterGender(genuine);
    String disputed;
    try {
      disputed = requestAndReply(journey, ledger, price, 5_000L);
      consentThenDelivery(journey, ledger, disputed, Map.of("patient", false, "patient2", true, "patient3", false));
    } finally {
      records.put(genuine);
    }
    assertThat(journey.variable(disputed, "verificationStatus")).isEqualTo("REJECTED");
    assertThat((String) journey.variable(disputed, "verificationResults")).startsWith("record 1: ")
        .contains(VerificationWords.PROOF_INVALID).doesNotContain("verified");
    journey.complete(disputed, "UserTask_BuyerDecision", "buyer",
        Map.of("buyerDecision", "DISPUTE", "disputedRecordNumber", 1L));
    String opening = awaitOpening((String) journey.variable(disputed, "purchaseId"));
    journey.awaitTask(opening, "UserTask_GmApproval", "groupmanager");
    assertThat(purchaseOf(journey, disputed).state()).isEqualTo(PurchaseState.DISPUTED);
    ledger.step("purchase 2 disputed", Map.of());
    journey.complete(opening, "UserTask_GmApproval", "groupmanager", Map.of("gmApproved", true));
    journey.complete(opening, "UserTask_RmApproval", "revocationmanager", Map.of("rmApproved", true));
    journey.awaitEnd(opening);
    journey.awaitEnd(disputed);
    ProcessAssertions.assertThat(historyService, opening).hasEndedAt("EndEvent_SignatureInvalid");
    ProcessAssertions.assertThat(historyService, disputed).hasEndedAt("EndEvent_DisputeRefunded");
    assertThat(purchaseOf(journey, disputed).state()).isEqualTo(PurchaseState.REFUNDED);
    ledger.step("purchase 2 verdict: refunded", Map.of());
    assertThat(credits("buyer")).isEqualTo(price);
    assertThat(credits("patient2")).isZero();

    Map<String, BigInteger> owed = new LinkedHashMap<>();
    for (String user : List.of("patient", "patient3", "hospital", "buyer")) {
      owed.put(user, credits(user));
      chain.as(user).withdraw().receipt().orElseThrow();
      ledger.step(user + " withdraws", Map.of(user, owed.get(user)));
      assertThat(credits(user)).isZero();
    }
    assertThat(owed.values().stream().reduce(BigInteger.ZERO, BigInteger::add)).isEqualTo(price.multiply(BigInteger.TWO));
    assertThat(ethBalance(chain.as("admin").contractAddress())).as("DataHub after every withdrawal").isZero();
    return List.of((String) journey.variable(accepted, "bundleCid"), (String) journey.variable(disputed, "bundleCid"));
  }

  /** The buyer escrows {@code price}; the hospital replies with the patients' share: two steps. */
  private String requestAndReply(PurchaseJourney journey, ChainLedger ledger, BigInteger price, long patientShareBps)
      throws Exception {
    String purchase = journey.request("buyer", AppScenario.RECORD_CATEGORY, "Condition.code.text\nPatient.gender",
        price.toString());
    journey.awaitTask(purchase, "UserTask_HospitalReview", "hospital");
    ledger.step("purchase requested", Map.of("buyer", price.negate()));
    journey.complete(purchase, "UserTask_HospitalReview", "hospital",
        Map.of("hospitalDecision", "REPLY", "patientShareBps", patientShareBps));
    for (String patient : List.of("patient", "patient2", "patient3")) {
      journey.awaitTask(purchase, "UserTask_PatientConsent", patient);
    }
    assertThat(purchaseOf(journey, purchase).state()).isEqualTo(PurchaseState.REPLIED);
    ledger.step("hospital replied", Map.of());
    return purchase;
  }

  /** Each patient answers; the hospital delivers the consenting patients' records, the buyer's worker checks them. */
  private void consentThenDelivery(PurchaseJourney journey, ChainLedger ledger, String purchase,
      Map<String, Boolean> consents) throws Exception {
    List<String> patients = List.copyOf(consents.keySet());
    for (String patient : patients) {
      journey.complete(purchase, "UserTask_PatientConsent", patient, Map.of("consentGiven", consents.get(patient)));
      if (!patient.equals(patients.get(patients.size() - 1))) {
        // the last answer starts the delivery, which the next step waits for
        ledger.step(patient + " answered", Map.of());
      }
    }
    journey.awaitTask(purchase, "UserTask_BuyerDecision", "buyer");
    assertThat(purchaseOf(journey, purchase).state()).isEqualTo(PurchaseState.DELIVERED);
    ledger.step("delivered", Map.of());
  }

  private PurchaseView purchaseOf(PurchaseJourney journey, String purchase) throws Exception {
    return chain.as("admin").purchase(Numeric.hexStringToByteArray((String) journey.variable(purchase, "purchaseId")));
  }

  private String awaitOpening(String purchaseId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      ProcessInstance opening = runtimeService.createProcessInstanceQuery().processDefinitionKey("open-signature")
          .variableValueEquals("purchaseId", purchaseId).singleResult();
      if (opening != null) {
        return opening.getId();
      }
      assertThat(System.currentTimeMillis()).as("open-signature started by the dispute").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** A dishonest hospital's record: its gender changed after the doctor signed and anchored its root. */
  private void alterGender(RecordIndex.Entry victim) throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(sealedRecords.open(victim.recordCid(), victim.patientId()));
    String fhir = payload.get("fhir").asText();
    String altered = fhir.replaceAll("\"gender\"\\s*:\\s*\"other\"", "\"gender\":\"male\"");
    assertThat(altered).as("the record's gender").isNotEqualTo(fhir);
    payload.put("fhir", altered);
    String cid = sealedRecords.seal(victim.recordId(), JSON.writeValueAsBytes(payload), List.of(victim.patientId()));
    records.put(victim.withRecordCid(cid));
  }

  private BigInteger credits(String user) throws Exception {
    return chain.as("admin").credits(chain.addressOf(user));
  }

  private BigInteger ethBalance(String address) throws Exception {
    return chain.connectionOf("admin").web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }
}
