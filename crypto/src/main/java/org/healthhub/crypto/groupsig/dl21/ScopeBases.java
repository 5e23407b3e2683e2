package org.healthhub.crypto.groupsig.dl21;

import java.util.LinkedHashMap;
import java.util.Map;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.mcl.G1;

/**
 * {@code hscp(scope) = HG1(SHA-256(utf8(scope)))}, the pseudonym base of a scope. It depends on
 * the scope alone and almost every signature uses the same few scopes, so the last {@link
 * #CAPACITY} (least recently used out) are remembered instead of paying a hash-to-curve per sign
 * and per verify; each with its fixed-base table, built at its first multiplication.
 */
final class ScopeBases {
  static final int CAPACITY = 64;

  private static final Map<String, LazyFixedBase> RECENT =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LazyFixedBase> eldest) {
          return size() > CAPACITY;
        }
      };

  private ScopeBases() {}

  static LazyFixedBase of(String scope) throws MalformedInputException {
    synchronized (RECENT) {
      LazyFixedBase known = RECENT.get(scope);
      if (known != null) {
        return known;
      }
    }
    LazyFixedBase base = new LazyFixedBase(G1.hashAndMapTo(Transcript.sha256(Transcript.utf8(scope))));
    synchronized (RECENT) {
      RECENT.put(scope, base);
    }
    return base;
  }
}
