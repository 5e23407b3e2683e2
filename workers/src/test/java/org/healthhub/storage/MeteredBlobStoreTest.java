package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteredBlobStoreTest {
  private static final Cid UNKNOWN = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5p");

  @TempDir Path dataDir;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void put_thenGet_timesEachOperationAsOk() throws IOException {
    try (BlobStore store = new MeteredBlobStore(new EmbeddedBlobStore(dataDir), meters)) {
      StoredBlob blob = store.put(new TestContent(1000, 3));
      store.get(blob.cid()).close();
    }

    assertThat(meters.get(MeteredBlobStore.TIMER).tags("operation", "put", "outcome", "ok").timer().count()).isEqualTo(1);
    assertThat(meters.get(MeteredBlobStore.TIMER).tags("operation", "get", "outcome", "ok").timer().count()).isEqualTo(1);
  }

  @Test
  void get_unknownCid_rethrowsAndTimesTheFailure() throws IOException {
    try (BlobStore store = new MeteredBlobStore(new EmbeddedBlobStore(dataDir), meters)) {
      assertThatThrownBy(() -> store.get(UNKNOWN)).isInstanceOf(BlobNotFoundException.class);
    }

    assertThat(meters.get(MeteredBlobStore.TIMER).tags("operation", "get", "outcome", "BlobNotFoundException")
        .timer().count()).isEqualTo(1);
  }
}
