package org.healthhub.processes.siwe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Nonces for SIWE messages: random, short-lived, and each accepted at most once. */
final class SiweNonces {

  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration ttl;
  private final Clock clock;

  SiweNonces(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  String issue() {
    Instant now = clock.instant();
    expiries.values().removeIf(expiry -> expiry.isBefore(now));
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String nonce = HexFormat.of().formatHex(bytes);
    expiries.put(nonce, now.plus(ttl));
    return nonce;
  }

  /** Uses the nonce up; throws if it was never issued, is already used, or has expired. */
  void consume(String nonce) throws SiweException {
    Instant expiry = expiries.remove(nonce);
    if (expiry == null) {
      throw new SiweException("the nonce was not issued here or has been used already");
    }
    if (expiry.isBefore(clock.instant())) {
      throw new SiweException("the nonce has expired");
    }
  }
}
