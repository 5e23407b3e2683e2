package org.healthhub.crypto.groupsig.opening;

import org.healthhub.crypto.mcl.G1;

/**
 * The public bases a scheme's linear encryption uses: {@code first = base·xi1⁻¹}, {@code second =
 * base·xi2⁻¹} (bbs04: u, v, h; cpy06: X, Y, z).
 */
public record OpeningBases(G1 first, G1 second, G1 base) {}
