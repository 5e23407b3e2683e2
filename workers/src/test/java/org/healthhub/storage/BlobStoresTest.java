package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoresTest {
  @TempDir Path dataDir;

  @Test
  void fromSettings_noApiUrl_opensTheEmbeddedStoreInTheDataDir() throws StorageException {
    try (BlobStore store = BlobStores.fromSettings(Map.of(BlobStores.DATA_DIR, dataDir.toString()))) {
      assertThat(store).isInstanceOf(EmbeddedBlobStore.class);
      assertThat(Files.isDirectory(dataDir.resolve("blobs"))).isTrue();
    }
  }

  @Test
  void fromSettings_apiUrl_usesTheNode() throws StorageException {
    try (BlobStore store = BlobStores.fromSettings(Map.of(BlobStores.IPFS_API_URL, "http://127.0.0.1:5001"))) {
      assertThat(store).isInstanceOf(KuboBlobStore.class);
    }
  }

  @Test
  void fromSettings_apiUrlWithoutHttp_throwsNamingIt() {
    assertThatThrownBy(() -> BlobStores.fromSettings(Map.of(BlobStores.IPFS_API_URL, "127.0.0.1:5001")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:5001");
  }
}
