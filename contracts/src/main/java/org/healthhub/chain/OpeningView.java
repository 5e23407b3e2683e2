package org.healthhub.chain;

/** The opening request of a disputed purchase; approvals hold the managers' epoch they were given in (0: none). */
public record OpeningView(byte[] signatureDigest, long groupManagerApprovalEpoch, long revocationManagerApprovalEpoch,
    byte[] resultCommitment) {}
