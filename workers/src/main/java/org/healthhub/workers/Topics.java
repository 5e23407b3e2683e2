package org.healthhub.workers;

/** Every external-task topic of the HealthHub flows, {@code domain.verb}; the BPMN files use these strings. */
public final class Topics {

  public static final String RECORD_VALIDATE = "record.validate";
  public static final String RECORD_MERKLE = "record.merkle";
  public static final String RECORD_SIGN = "record.sign";
  public static final String RECORD_VERIFY = "record.verify";
  public static final String RECORD_ENCRYPT = "record.encrypt";
  public static final String RECORD_WRAP_KEY = "record.wrap-key";
  public static final String RECORD_REMOVE_WRAP = "record.remove-wrap";
  public static final String STORAGE_PUT = "storage.put";
  public static final String CHAIN_ANCHOR = "chain.anchor";
  public static final String CHAIN_SHARE = "chain.share";
  public static final String CHAIN_REVOKE = "chain.revoke";
  public static final String GROUPSIG_JOIN_MANAGER = "groupsig.join-manager";
  public static final String GROUPSIG_JOIN_MEMBER = "groupsig.join-member";
  public static final String OPENING_PARTIAL_GM = "opening.partial-gm";
  public static final String OPENING_PARTIAL_RM = "opening.partial-rm";
  public static final String OPENING_COMBINE = "opening.combine";
  public static final String CHAIN_PURCHASE_REQUEST = "chain.purchase-request";
  public static final String PURCHASE_MATCH = "purchase.match";
  public static final String CHAIN_PURCHASE_REPLY = "chain.purchase-reply";
  public static final String CHAIN_PURCHASE_DECLINE = "chain.purchase-decline";
  public static final String PURCHASE_DELIVER = "purchase.deliver";
  public static final String CHAIN_PURCHASE_DELIVER = "chain.purchase-deliver";
  public static final String PURCHASE_VERIFY = "purchase.verify";
  public static final String CHAIN_PURCHASE_ACCEPT = "chain.purchase-accept";
  public static final String CHAIN_PURCHASE_FINALIZE = "chain.purchase-finalize";
  public static final String CHAIN_PURCHASE_REFUND = "chain.purchase-refund";
  public static final String CHAIN_PURCHASE_DISPUTE = "chain.purchase-dispute";
  public static final String CHAIN_PURCHASE_DISPUTE_REFUND = "chain.purchase-dispute-refund";

  private Topics() {}
}
