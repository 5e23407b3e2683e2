package org.healthhub.crypto.groupsig.opening;

import org.healthhub.crypto.mcl.G1;

/**
 * The linear encryption of the signer's credential A inside a signature: {@code t1 = first·α},
 * {@code t2 = second·β}, {@code t3 = A + base·(α+β)}, so that {@code A = t3 − (t1·xi1 + t2·xi2)}.
 */
public record OpeningCiphertext(G1 t1, G1 t2, G1 t3) {}
