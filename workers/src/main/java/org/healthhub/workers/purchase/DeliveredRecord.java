package org.healthhub.workers.purchase;

import org.healthhub.crypto.record.merkle.Disclosure;

/**
 * One record as a buyer receives it: only the allowed fields with their multiproof, the root they
 * lead to, the hospital group and the doctor's group signature on that root (base64 export).
 */
public record DeliveredRecord(String merkleRoot, String hospitalGroupId, String signature, Disclosure disclosure) {}
