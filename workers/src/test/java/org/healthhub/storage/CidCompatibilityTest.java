package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.storage.ContentAssertions.assertStreamsGeneratedContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.healthhub.storage.testing.IpfsNodeExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded store names every blob exactly as a real IPFS node does, and each reads the other's. */
class CidCompatibilityTest {
  @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();
  @TempDir static Path dataDir;

  private static EmbeddedBlobStore embedded;
  private static KuboBlobStore node;

  @BeforeAll
  static void openStores() throws StorageException {
    embedded = new EmbeddedBlobStore(dataDir);
    node = new KuboBlobStore(KuboRpcClient.builder(IPFS.apiUrl()).build());
  }

  @AfterAll
  static void closeStores() {
    embedded.close();
    node.close();
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(longs = {0, 1, 262_143, 262_144, 262_145, 1_048_576 + 12_345, 50L * 1_048_576})
  void put_sameContent_sameCidAndEachStoreReadsTheOthers(long size) throws IOException {
    long seed = size;
    StoredBlob inEmbedded = embedded.put(new TestContent(size, seed));
    StoredBlob inNode = node.put(new TestContent(size, seed));

    assertThat(inEmbedded.cid()).isEqualTo(inNode.cid());
    assertThat(inEmbedded.size()).isEqualTo(size);
    assertThat(inNode.size()).isEqualTo(size);
    assertStreamsGeneratedContent(node.get(inEmbedded.cid()), size, seed);
    assertStreamsGeneratedContent(embedded.get(inNode.cid()), size, seed);
  }

  @Test
  void put_helloWorld_bothGiveTheKnownCid() throws IOException {
    byte[] hello = "hello world\n".getBytes(StandardCharsets.US_ASCII);
    String expected = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

    assertThat(embedded.put(new ByteArrayInputStream(hello)).cid()).hasToString(expected);
    assertThat(node.put(new ByteArrayInputStream(hello)).cid()).hasToString(expected);
  }
}
