package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.storage.ContentAssertions.assertStreamsGeneratedContent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.healthhub.storage.testing.IpfsNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KuboBlobStoreTest {
  @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();

  private static final Cid UNKNOWN = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5p");
  private static final ObjectMapper JSON = new ObjectMapper();

  private KuboBlobStore store() {
    return new KuboBlobStore(KuboRpcClient.builder(IPFS.apiUrl()).readTimeout(Duration.ofSeconds(2)).build());
  }

  @Test
  void version_runningNode_answers() throws StorageException {
    assertThat(KuboRpcClient.builder(IPFS.apiUrl()).build().version()).isNotBlank();
  }

  @Test
  void get_afterPut_returnsTheSameBytesAndSize() throws IOException {
    KuboBlobStore store = store();
    long size = 700_000;
    StoredBlob blob = store.put(new TestContent(size, 11));

    assertThat(blob.size()).isEqualTo(size);
    assertThat(store.size(blob.cid())).isEqualTo(size);
    assertStreamsGeneratedContent(store.get(blob.cid()), size, 11);
  }

  @Test
  void exists_followsPinAndUnpin() throws IOException {
    KuboBlobStore store = store();
    Cid cid = store.put(new TestContent(1234, 12)).cid();
    assertThat(store.exists(cid)).isTrue();

    store.unpin(cid);
    store.unpin(cid);
    assertThat(store.exists(cid)).isFalse();

    store.pin(cid);
    assertThat(store.exists(cid)).isTrue();
  }

  @Test
  void exists_unknownCid_falseWithoutWaiting() throws StorageException {
    assertThat(store().exists(UNKNOWN)).isFalse();
  }

  @Test
  void get_unknownCid_timesOut() {
    assertThatThrownBy(() -> store().get(UNKNOWN).readAllBytes())
        .isInstanceOf(StoreTimeoutException.class)
        .hasMessageContaining(IPFS.apiUrl().toString());
  }

  @Test
  void size_unknownCid_timesOut() {
    assertThatThrownBy(() -> store().size(UNKNOWN)).isInstanceOf(StoreTimeoutException.class);
  }

  @Test
  void pin_unknownCid_timesOut() {
    assertThatThrownBy(() -> store().pin(UNKNOWN)).isInstanceOf(StoreTimeoutException.class);
  }

  @Test
  void sizeOf_kuboStringOrJsIpfsNumber_readsBoth() throws IOException {
    assertThat(KuboRpcClient.sizeOf(JSON.readTree("{\"Size\":\"262158\"}").get("Size"))).isEqualTo(262_158);
    assertThat(KuboRpcClient.sizeOf(JSON.readTree("{\"Size\":262158}").get("Size"))).isEqualTo(262_158);
  }

  @Test
  void sizeOf_notANumber_throws() throws IOException {
    assertThatThrownBy(() -> KuboRpcClient.sizeOf(JSON.readTree("{\"Size\":\"big\"}").get("Size")))
        .isInstanceOf(StorageException.class).hasMessageContaining("big");
  }

  @Test
  void builder_nonHttpUrl_throws() {
    assertThatThrownBy(() -> KuboRpcClient.builder(URI.create("ftp://127.0.0.1:5001")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://127.0.0.1:5001");
  }
}
