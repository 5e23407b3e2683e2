package org.healthhub.workers.purchase;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.healthhub.workers.TaskInput;
import org.healthhub.workers.record.RecordVariables;

/** The public process variables of purchase-data: ids, counts, digests, dates and statuses, never record content. */
public final class PurchaseVariables {
  public static final String BUYER_ID = "buyerId";
  public static final String CATEGORY = "purchaseCategory";
  public static final String FIELDS = "purchaseFields";
  public static final String MINIMUM_RECORDS = "minimumRecords";
  public static final String PRICE_WEI = "priceWei";
  public static final String REPLY_HOURS = "replyHours";
  public static final String DELIVERY_HOURS = "deliveryHours";
  public static final String PURCHASE_ID = "purchaseId";
  public static final String TEMPLATE_DIGEST = "templateDigest";
  public static final String REPLY_BY_DATE = "replyByDate";
  public static final String CONSENT_BY_DATE = "consentByDate";
  public static final String DELIVER_BY_DATE = "deliverByDate";
  public static final String DISPUTE_BY_DATE = "disputeByDate";
  public static final String VERDICT_BY_DATE = "verdictByDate";
  public static final String PATIENT_SHARE_BPS = "patientShareBps";
  public static final String MATCHING_PATIENTS = "matchingPatientIds";
  public static final String MATCHING_PATIENTS_COUNT = "matchingPatientsCount";
  public static final String MATCHING_RECORDS_COUNT = "matchingRecordsCount";
  public static final String CONSENTING_PATIENTS = "consentingPatientIds";
  public static final String CONSENTING_RECORDS_COUNT = "consentingRecordsCount";
  public static final String BUNDLE_CID = "bundleCid";
  public static final String BUNDLE_DIGEST = "bundleDigest";
  public static final String DELIVERED_RECORDS_COUNT = "deliveredRecordsCount";
  public static final String VERIFICATION_STATUS = "verificationStatus";
  public static final String VERIFICATION_RESULTS = "verificationResults";
  public static final String REJECTED_RECORDS_COUNT = "rejectedRecordsCount";
  public static final String DISPUTED_RECORD = "disputedRecordNumber";
  public static final String SETTLEMENT_STATUS = "settlementStatus";

  /** Business outcomes the flow catches. */
  public static final String TOO_FEW_CONSENTS = "TOO_FEW_CONSENTS";
  public static final String FORBIDDEN_FIELD = "FORBIDDEN_FIELD";
  public static final String CHAIN_REFUSED = "CHAIN_REFUSED";

  private PurchaseVariables() {}

  static byte[] purchaseId(TaskInput task) {
    return RecordVariables.unhex(task.requireString(PURCHASE_ID));
  }

  /** A comma-separated id list ({@code ...Ids}); empty when the variable is unset or blank. */
  public static List<String> ids(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
  }

  public static String joinIds(List<String> ids) {
    return String.join(",", ids);
  }

  static String date(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
