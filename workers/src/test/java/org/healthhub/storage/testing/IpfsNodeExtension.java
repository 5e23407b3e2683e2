package org.healthhub.storage.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real IPFS node (js-ipfs on Node 22 from the pinned {@code tools/}) for a test class:
 * a fresh offline repository in a temporary directory, loopback addresses on free ports. Register
 * it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final IpfsNodeExtension IPFS = new IpfsNodeExtension();
 * ... KuboRpcClient.builder(IPFS.apiUrl()).build() ...
 * }</pre>
 *
 * The node is stopped and its directory deleted after the class; it is killed if the JVM exits
 * first. Tests may {@link #daemon() stop, kill and restart} it (same repository and port).
 */
public final class IpfsNodeExtension implements BeforeAllCallback, AfterAllCallback {
  private Path workDir;
  private JsIpfsDaemon daemon;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    workDir = Files.createTempDirectory("healthhub-ipfs-");
    daemon = JsIpfsDaemon.create(JsIpfsDaemon.toolsDirFromBuild(), workDir);
    daemon.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (daemon != null) {
      daemon.close();
    }
    if (workDir != null) {
      JsIpfsDaemon.deleteRecursively(workDir);
    }
  }

  /** The node's RPC API, e.g. {@code http://127.0.0.1:41234}. */
  public URI apiUrl() {
    return daemon.apiUrl();
  }

  /** The running daemon, to stop, kill or restart it in fault tests. */
  public JsIpfsDaemon daemon() {
    return daemon;
  }
}
