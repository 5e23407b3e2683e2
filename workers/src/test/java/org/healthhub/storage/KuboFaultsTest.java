package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.storage.ContentAssertions.assertStreamsGeneratedContent;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.healthhub.storage.testing.IpfsNodeExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real node that goes down, restarts mid-upload, or lacks a CID. */
class KuboFaultsTest {
  @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();

  @AfterEach
  void nodeRunsAgain() throws IOException {
    IPFS.daemon().start();
  }

  @Test
  void version_nodeDown_namesTheUrlAfterAllAttempts() {
    IPFS.daemon().stop();
    KuboRpcClient client = KuboRpcClient.builder(IPFS.apiUrl())
        .maxAttempts(3).initialBackoff(Duration.ofMillis(50)).build();

    assertThatThrownBy(client::version)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(IPFS.apiUrl().toString())
        .hasMessageContaining("after 3 attempt(s)");
  }

  @Test
  void version_nodeBackWhileRetrying_succeeds() throws Exception {
    IPFS.daemon().stop();
    KuboRpcClient client = KuboRpcClient.builder(IPFS.apiUrl())
        .maxAttempts(10).initialBackoff(Duration.ofMillis(250)).build();
    CompletableFuture<String> version = CompletableFuture.supplyAsync(() -> {
      try {
        return client.version();
      } catch (StorageException e) {
        throw new IllegalStateException(e);
      }
    });

    IPFS.daemon().start();

    assertThat(version.get(60, TimeUnit.SECONDS)).isNotBlank();
  }

  @Test
  void put_nodeRestartedMidUpload_failsCleanlyThenRetryGivesTheSameCid() throws Exception {
    long size = 64L * 1_048_576;
    KuboBlobStore store = new KuboBlobStore(KuboRpcClient.builder(IPFS.apiUrl()).build());
    CountDownLatch halfSent = new CountDownLatch(1);
    CountDownLatch nodeKilled = new CountDownLatch(1);
    InputStream pausingHalfway = new PausingStream(new TestContent(size, 21), size / 2, halfSent, nodeKilled);
    CompletableFuture<StoredBlob> interrupted = CompletableFuture.supplyAsync(() -> {
      try {
        return store.put(pausingHalfway);
      } catch (StorageException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(halfSent.await(60, TimeUnit.SECONDS)).isTrue();
    IPFS.daemon().kill();
    nodeKilled.countDown();
    assertThatThrownBy(() -> interrupted.get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(IOException.class)
        .cause().cause().isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(IPFS.apiUrl().toString());

    IPFS.daemon().start();
    StoredBlob retried = store.put(new TestContent(size, 21));

    DagHasher expected = DagHasher.cidOnly();
    try (InputStream content = new TestContent(size, 21)) {
      byte[] buffer = new byte[65_536];
      for (int n; (n = content.read(buffer)) > 0; ) {
        expected.update(buffer, 0, n);
      }
    }
    assertThat(retried.cid()).isEqualTo(expected.finish().cid());
    assertStreamsGeneratedContent(store.get(retried.cid()), size, 21);
  }

  /** Passes bytes through, but stops at {@code pauseAt} until told to go on. */
  private static final class PausingStream extends BulkInputStream {
    private final InputStream content;
    private final long pauseAt;
    private final CountDownLatch reached;
    private final CountDownLatch resume;
    private long position;

    PausingStream(InputStream content, long pauseAt, CountDownLatch reached, CountDownLatch resume) {
      this.content = content;
      this.pauseAt = pauseAt;
      this.reached = reached;
      this.resume = resume;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= pauseAt && reached.getCount() > 0) {
        reached.countDown();
        try {
          resume.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      int limit = position < pauseAt ? (int) Math.min(length, pauseAt - position) : length;
      int read = content.read(buffer, offset, limit);
      if (read > 0) {
        position += read;
      }
      return read;
    }
  }
}
