package org.healthhub.processes.siwe;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nonces for SIWE messages: random, short-lived, and each accepted at most once across every
 * engine node. They live in a table of the engine's own database, so a nonce one node issued is
 * redeemed on any other; the single use is the row's delete, which only one node can win.
 */
final class SiweNonces {

  static final String TABLE = "HH_SIWE_NONCE";

  private final JdbcTemplate jdbc;
  private final SecureRandom random = new SecureRandom();
  private final Duration ttl;
  private final Clock clock;

  private SiweNonces(JdbcTemplate jdbc, Duration ttl, Clock clock) {
    this.jdbc = jdbc;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The nonces of {@code dataSource}, creating their table there if no node has yet. */
  static SiweNonces in(DataSource dataSource, Duration ttl, Clock clock) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try {
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE
          + " (NONCE_ VARCHAR(64) NOT NULL PRIMARY KEY, EXPIRES_AT_ BIGINT NOT NULL)");
    } catch (DataAccessException e) {
      // Two nodes starting at once may both try to create it (PostgreSQL's IF NOT EXISTS is not atomic).
      try {
        jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE 1 = 0", Long.class);
      } catch (DataAccessException missing) {
        e.addSuppressed(missing);
        throw e;
      }
    }
    return new SiweNonces(jdbc, ttl, clock);
  }

  String issue() {
    long now = clock.millis();
    jdbc.update("DELETE FROM " + TABLE + " WHERE EXPIRES_AT_ < ?", now);
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String nonce = HexFormat.of().formatHex(bytes);
    jdbc.update("INSERT INTO " + TABLE + " (NONCE_, EXPIRES_AT_) VALUES (?, ?)", nonce, now + ttl.toMillis());
    return nonce;
  }

  /** Uses the nonce up; throws if it was never issued, is already used (on any node), or has expired. */
  void consume(String nonce) throws SiweException {
    Long expiry = jdbc.query("SELECT EXPIRES_AT_ FROM " + TABLE + " WHERE NONCE_ = ?",
        rows -> rows.next() ? rows.getLong(1) : null, nonce);
    if (expiry == null || jdbc.update("DELETE FROM " + TABLE + " WHERE NONCE_ = ?", nonce) != 1) {
      throw new SiweException("the nonce was not issued here or has been used already");
    }
    if (expiry < clock.millis()) {
      throw new SiweException("the nonce has expired");
    }
  }
}
