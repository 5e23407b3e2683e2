package org.healthhub.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks the store from settings: the embedded store by default, a Kubo-compatible node when its
 * API URL is set. Keys are the same as system properties or Spring properties would use.
 */
public final class BlobStores {
  /** The node's RPC API URL, e.g. {@code http://127.0.0.1:5001}; unset means the embedded store. */
  public static final String IPFS_API_URL = "healthhub.storage.ipfs-api-url";
  /** The embedded store's data directory. */
  public static final String DATA_DIR = "healthhub.storage.data-dir";
  /** Used when {@link #DATA_DIR} is unset. */
  public static final String DEFAULT_DATA_DIR = "data/blobs";

  private BlobStores() {}

  /**
   * Opens the store the settings name.
   *
   * @throws StorageException if the embedded store's directory cannot be opened
   * @throws IllegalArgumentException if the API URL is not an http(s) URL
   */
  public static BlobStore fromSettings(Map<String, String> settings) throws StorageException {
    String apiUrl = settings.get(IPFS_API_URL);
    if (apiUrl != null && !apiUrl.isBlank()) {
      return new KuboBlobStore(KuboRpcClient.builder(URI.create(apiUrl.strip())).build());
    }
    return new EmbeddedBlobStore(Path.of(settings.getOrDefault(DATA_DIR, DEFAULT_DATA_DIR)));
  }
}
