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

  private Topics() {}
}
