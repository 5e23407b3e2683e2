package org.healthhub.crypto.groupsig.dl21;

import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.mcl.G1;

/** A member's pseudonym in one scope, {@code nym = hscp·y}: the same in every signature there. */
record Pseudonym(String scope, LazyFixedBase base, G1 nym) {}
