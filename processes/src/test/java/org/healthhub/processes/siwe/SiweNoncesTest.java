package org.healthhub.processes.siwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.healthhub.processes.cluster.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Two engine nodes' nonce stores, each over its own connections to one PostgreSQL database. */
class SiweNoncesTest {

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  private static final Duration TTL = Duration.ofMinutes(5);
  private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
  private static final ExecutorService THREADS = Executors.newFixedThreadPool(8);

  @AfterAll
  static void stopThreads() {
    THREADS.shutdownNow();
  }

  @Test
  void consume_nonceIssuedByOtherNode_acceptedOnce() throws Exception {
    SiweNonces nodeA = node(NOW);
    SiweNonces nodeB = node(NOW);
    String nonce = nodeA.issue();

    nodeB.consume(nonce);

    assertThatThrownBy(() -> nodeB.consume(nonce)).isInstanceOf(SiweException.class).hasMessageContaining("used already");
    assertThatThrownBy(() -> nodeA.consume(nonce)).isInstanceOf(SiweException.class).hasMessageContaining("used already");
  }

  @Test
  void consume_sameNonceOnBothNodesAtOnce_exactlyOneAccepted() throws Exception {
    SiweNonces nodeA = node(NOW);
    SiweNonces nodeB = node(NOW);
    for (int round = 0; round < 20; round++) {
      String nonce = nodeA.issue();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        SiweNonces node = i % 2 == 0 ? nodeA : nodeB;
        attempts.add(THREADS.submit(accepted(node, nonce, start)));
      }
      start.countDown();
      int accepted = 0;
      for (Future<Boolean> attempt : attempts) {
        accepted += attempt.get() ? 1 : 0;
      }
      assertThat(accepted).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void consume_afterTheTtlOnOtherNode_expired() throws Exception {
    String nonce = node(NOW).issue();

    SiweNonces later = node(NOW.plus(TTL).plusSeconds(1));

    assertThatThrownBy(() -> later.consume(nonce)).isInstanceOf(SiweException.class).hasMessageContaining("expired");
    assertThatThrownBy(() -> node(NOW).consume(nonce)).as("an expired nonce is used up too")
        .isInstanceOf(SiweException.class).hasMessageContaining("used already");
  }

  @Test
  void consume_neverIssued_refused() throws Exception {
    assertThatThrownBy(() -> node(NOW).consume("00112233445566778899aabbccddeeff"))
        .isInstanceOf(SiweException.class).hasMessageContaining("not issued");
  }

  @Test
  void issue_dropsExpiredNoncesOfEveryNode() throws Exception {
    node(NOW.minus(TTL).minusSeconds(1)).issue();

    node(NOW).issue();

    assertThat(POSTGRES.count("SELECT COUNT(*) FROM " + SiweNonces.TABLE + " WHERE EXPIRES_AT_ < "
        + NOW.toEpochMilli())).isZero();
  }

  private static Callable<Boolean> accepted(SiweNonces node, String nonce, CountDownLatch start) {
    return () -> {
      start.await();
      try {
        node.consume(nonce);
        return true;
      } catch (SiweException e) {
        return false;
      }
    };
  }

  private static SiweNonces node(Instant now) {
    DataSource connections = new SimpleDriverDataSource(new Driver(), POSTGRES.jdbcUrl(), POSTGRES.user(), POSTGRES.password());
    return SiweNonces.in(connections, TTL, Clock.fixed(now, ZoneOffset.UTC));
  }
}
