package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.storage.ContentAssertions.assertStreamsGeneratedContent;

import java.io.IOException;
import java.nio.file.Path;
import org.healthhub.storage.testing.IpfsNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blobs far larger than the 64 MB limit go in and come out while the live heap grows by less than
 * 64 MB: 1 GiB for the embedded store; 256 MiB for the node, whose 1 GiB run takes over a minute on
 * this shared machine (workers/bench --node-1gb covers its full gigabyte).
 */
class StreamingMemoryTest {
  @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();

  private static final long ONE_GIB = 1L << 30;
  private static final long NODE_SIZE = 256L << 20;
  private static final long HEAP_LIMIT = 64L * 1_048_576;

  @TempDir Path dataDir;

  @Test
  void putAndGet_oneGiBEmbedded_heapGrowsUnder64MB() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      assertPutAndGetInSmallHeap(store, ONE_GIB);
    }
  }

  @Test
  void putAndGet_256MiBNode_heapGrowsUnder64MB() throws IOException {
    try (KuboBlobStore store = new KuboBlobStore(KuboRpcClient.builder(IPFS.apiUrl()).build())) {
      assertPutAndGetInSmallHeap(store, NODE_SIZE);
    }
  }

  private static void assertPutAndGetInSmallHeap(BlobStore store, long size) throws IOException {
    HeapProbe probe = new HeapProbe();

    StoredBlob blob = store.put(probe.watch(new TestContent(size, 31)));
    assertStreamsGeneratedContent(probe.watch(store.get(blob.cid())), size, 31);

    assertThat(blob.size()).isEqualTo(size);
    assertThat(probe.growth()).as("live heap growth in bytes").isLessThan(HEAP_LIMIT);
  }
}
