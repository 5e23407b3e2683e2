package org.healthhub.crypto.groupsig.gl19;

import java.util.LinkedHashMap;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;

/**
 * {@code g1 + h3·Chal(decimal(l))} per credential expiration {@code l}, the public value of the
 * proof's fourth relation. Every signature of one credential has the same {@code l}, so verify
 * remembers the last {@link #CAPACITY} (least recently used out) instead of paying a G1
 * multiplication per signature.
 */
final class CredentialBases {
  static final int CAPACITY = 4096;

  private final G1 g1;
  private final G1 h3;
  private final Map<Long, G1> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, G1> eldest) {
          return size() > CAPACITY;
        }
      };

  CredentialBases(G1 g1, G1 h3) {
    this.g1 = g1;
    this.h3 = h3;
  }

  /** {@code d = Chal(decimal(l))}. */
  static Fr lifetimeScalar(long expiration) throws MalformedInputException {
    return Transcript.challengeOf(Transcript.utf8(Long.toString(expiration)));
  }

  G1 of(long expiration) throws MalformedInputException {
    synchronized (recent) {
      G1 known = recent.get(expiration);
      if (known != null) {
        return known;
      }
    }
    G1 base = h3.mul(lifetimeScalar(expiration)).add(g1);
    synchronized (recent) {
      recent.put(expiration, base);
    }
    return base;
  }
}
