package org.healthhub.chain;

/** The digests anchored with a record: the sha2-256 digest inside its CIDv0, and its group signature's digest. */
public record AnchoredDigests(byte[] cidDigest, byte[] signatureDigest, long blockNumber) {}
