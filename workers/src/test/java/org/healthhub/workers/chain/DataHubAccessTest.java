package org.healthhub.workers.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.healthhub.chain.TransactionObserver;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts derived from the users' keystores, without a node. */
class DataHubAccessTest {

  @TempDir Path dir;

  @Test
  void addressesOf_afterChainKeyRotation_newAddressFirstAndOldKept() throws Exception {
    Keyring keyring = TestKeyrings.of(dir.resolve("keys"), "hospital");
    DataHubAccess access = new DataHubAccess("http://127.0.0.1:1", 84532, dir.resolve("address"), keyring);
    String before = access.addressOf("hospital");

    keyring.rotateChainKey("hospital");

    assertThat(access.addressOf("hospital")).isNotEqualTo(before);
    assertThat(access.addressesOf("hospital")).containsExactly(access.addressOf("hospital"), before);
  }

  @Test
  void new_nonPositiveReceiptPoll_throws() {
    Keyring keyring = TestKeyrings.of(dir.resolve("keys"), "hospital");

    assertThatThrownBy(() -> new DataHubAccess("http://127.0.0.1:1", 84532, dir.resolve("address"), keyring,
        TransactionObserver.NONE, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }
}
