package org.healthhub.workers.record;

/** The public process variables and error codes of share-record. */
public final class ShareVariables {

  public static final String SHARE_ID = "shareId";
  /** The share's end, ISO 8601 with offset: the timer fires then, and the chain grant ends then. */
  public static final String EXPIRES_AT = "shareExpiresAt";
  public static final String SHARED_RECORD_CID = "sharedRecordCid";
  public static final String GRANT_TX_HASH = "grantTxHash";
  public static final String REVOKE_TX_HASH = "revokeTxHash";

  public static final String NOT_RECORD_OWNER = "NOT_RECORD_OWNER";
  public static final String GRANT_REFUSED = "GRANT_REFUSED";

  private ShareVariables() {}
}
