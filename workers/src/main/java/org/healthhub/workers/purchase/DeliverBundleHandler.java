package org.healthhub.workers.purchase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.healthhub.crypto.record.ProtectedRecord;
import org.healthhub.crypto.record.SecretBytes;
import org.healthhub.crypto.record.fhir.FhirRecords;
import org.healthhub.crypto.record.deid.BuyerTemplate;
import org.healthhub.crypto.record.deid.DisclosureDeniedException;
import org.healthhub.crypto.record.deid.DisclosureProfile;
import org.healthhub.crypto.record.merkle.Disclosure;
import org.healthhub.workers.HandlerResults;
import org.healthhub.workers.TaskHandler;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.TaskOutcome;
import org.healthhub.workers.record.RecordIndex;
import org.healthhub.workers.record.RecordVariables;
import org.healthhub.workers.record.SealedRecords;

/**
 * {@code purchase.deliver}: builds the delivery from the consenting patients' records of the
 * requested category only.
 *
 * <p>Whose key decrypts: each record is sealed for its patient alone (store-record wraps the data
 * key to the patient only; the hospital never holds it), so each consenting patient's own key opens
 * that patient's records, acting on the consent the patient just gave. In this deployment every
 * user's keystore sits in the workers' keyring, so this worker can act for the patient; a deployment
 * where patients keep their keys on their own devices would run this step there.
 *
 * <p>The count is checked against the minimum from the record index before any record is opened, so
 * a purchase that falls short reads nothing. Each record discloses only the template's fields that
 * the Safe Harbor profile allows (a forbidden field refuses the whole delivery), with their
 * multiproof, the root and the doctor's group signature; the bundle is sealed to the buyer's X25519
 * key (HPKE) and stored. The digest posted on chain is the {@link DeliveryCommitment} over the
 * records, so a dispute can hold one record to it.
 */
public final class DeliverBundleHandler implements TaskHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SealedRecords records;
  private final RecordIndex index;
  private final HandlerResults results;

  public DeliverBundleHandler(SealedRecords records, RecordIndex index, HandlerResults results) {
    this.records = records;
    this.index = index;
    this.results = results;
  }

  @Override
  public TaskOutcome handle(TaskInput task) throws Exception {
    Set<String> consenting = new TreeSet<>(PurchaseVariables.ids(task.variables().get(PurchaseVariables.CONSENTING_PATIENTS)));
    String category = task.requireString(PurchaseVariables.CATEGORY);
    List<RecordIndex.Entry> consented = index.ofGroupInCategory(task.requireString(RecordVariables.GROUP_ID), category).stream()
        .filter(entry -> consenting.contains(entry.patientId())).toList();
    int minimum = task.intOr(PurchaseVariables.MINIMUM_RECORDS, 1);
    if (consented.size() < minimum) {
      return tooFew(consented.size(), minimum);
    }
    BuyerTemplate template = PurchaseTemplate.parse(task.requireString(PurchaseVariables.FIELDS));
    try {
      return TaskOutcome.complete(results.once(task.resultKey("deliver"), () -> deliver(task, consented, template, minimum)));
    } catch (DisclosureDeniedException e) {
      return TaskOutcome.bpmnError(PurchaseVariables.FORBIDDEN_FIELD, "the Safe Harbor profile refuses " + e.denials().stream()
          .map(denial -> denial.path() + " (" + denial.reason() + ")").toList());
    } catch (TooFewException e) {
      return tooFew(e.delivered, minimum);
    }
  }

  private Map<String, Object> deliver(TaskInput task, List<RecordIndex.Entry> consented, BuyerTemplate template,
      int minimum) throws Exception {
    DisclosureProfile profile = DisclosureProfile.safeHarbor();
    List<DeliveredRecord> delivered = new ArrayList<>();
    Set<String> patients = new TreeSet<>();
    for (RecordIndex.Entry entry : consented) {
      JsonNode payload = JSON.readTree(records.open(entry.recordCid(), entry.patientId()));
      ProtectedRecord record = ProtectedRecord.of(FhirRecords.validate(payload.get("fhir").asText()),
          SecretBytes.copyOf(Base64.getDecoder().decode(payload.get("recordSecret").asText())));
      Disclosure disclosure;
      try {
        disclosure = record.disclose(template, profile);
      } catch (IllegalArgumentException holdsNoRequestedField) {
        continue;
      }
      // The root anchored and signed for the record, which the disclosed fields must lead to.
      delivered.add(new DeliveredRecord(RecordVariables.hex(RecordVariables.unhex(entry.merkleRoot())), payload.get("groupId").asText(),
          payload.get("signature").asText(), disclosure));
      patients.add(entry.patientId());
    }
    if (delivered.size() < minimum) {
      throw new TooFewException(delivered.size());
    }
    String purchaseId = task.requireString(PurchaseVariables.PURCHASE_ID);
    byte[] bundle = DeliveryBundle.encode(purchaseId, delivered);
    String buyerId = task.requireString(PurchaseVariables.BUYER_ID);
    byte[] sealed = records.sealToBytes("purchase-" + purchaseId.substring(2, 18), bundle, List.of(buyerId));
    return Map.of(
        PurchaseVariables.BUNDLE_CID, records.store(sealed),
        PurchaseVariables.BUNDLE_DIGEST, RecordVariables.hex(DeliveryCommitment.root(delivered)),
        PurchaseVariables.DELIVERED_RECORDS_COUNT, delivered.size(),
        "deliveredPatientIds", PurchaseVariables.joinIds(List.copyOf(patients)));
  }

  private static TaskOutcome tooFew(int count, int minimum) {
    return TaskOutcome.bpmnError(PurchaseVariables.TOO_FEW_CONSENTS,
        count + " consenting record(s) hold the requested fields, the buyer asked for at least " + minimum);
  }

  /** Fewer records than the minimum held a requested field: nothing is sealed or stored. */
  private static final class TooFewException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int delivered;

    TooFewException(int delivered) {
      super(delivered + " record(s) hold the requested fields");
      this.delivered = delivered;
    }
  }
}
