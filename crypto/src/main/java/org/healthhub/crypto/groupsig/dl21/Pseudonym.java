package org.healthhub.crypto.groupsig.dl21;

import org.healthhub.crypto.mcl.G1;

/** A member's pseudonym in one scope, {@code nym = hscp·y}: the same in every signature there. */
record Pseudonym(String scope, G1 base, G1 nym) {}
