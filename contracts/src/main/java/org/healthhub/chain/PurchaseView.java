package org.healthhub.chain;

import java.math.BigInteger;
import java.util.List;

/**
 * A purchase as the contract holds it. {@code phaseDeadline} is the deadline the current state waits
 * on: reply-by while REQUESTED, deliver-by while REPLIED, dispute-by while DELIVERED (unix seconds).
 */
public record PurchaseView(
    byte[] purchaseId,
    String buyer,
    BigInteger amount,
    String hospital,
    long phaseDeadline,
    long deliverBy,
    PurchaseState state,
    int patientShareBps,
    byte[] bundleDigest,
    List<String> patients) {}
