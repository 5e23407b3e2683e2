package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.storage.ContentAssertions.assertStreamsGeneratedContent;

import java.io.IOException;
import java.nio.file.Path;
import org.healthhub.storage.testing.IpfsNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A gigabyte goes in and comes out of each store while the live heap grows by less than 64 MB. */
class StreamingMemoryTest {
  @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();

  private static final long ONE_GIB = 1L << 30;
  private static final long HEAP_LIMIT = 64L * 1_048_576;

  @TempDir Path dataDir;

  @Test
  void putAndGet_oneGibibyteEmbedded_heapGrowsUnder64MB() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      assertPutAndGetInSmallHeap(store);
    }
  }

  @Test
  void putAndGet_oneGibibyteNode_heapGrowsUnder64MB() throws IOException {
    try (KuboBlobStore store = new KuboBlobStore(KuboRpcClient.builder(IPFS.apiUrl()).build())) {
      assertPutAndGetInSmallHeap(store);
    }
  }

  private static void assertPutAndGetInSmallHeap(BlobStore store) throws IOException {
    HeapProbe probe = new HeapProbe();

    StoredBlob blob = store.put(probe.watch(new TestContent(ONE_GIB, 31)));
    assertStreamsGeneratedContent(probe.watch(store.get(blob.cid())), ONE_GIB, 31);

    assertThat(blob.size()).isEqualTo(ONE_GIB);
    assertThat(probe.growth()).as("live heap growth in bytes").isLessThan(HEAP_LIMIT);
  }
}
