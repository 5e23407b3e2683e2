package org.healthhub.processes.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real anvil from the pinned npm tools. */
class LocalChainTest {

  private static final Path ANVIL = Path.of(System.getProperty("healthhub.tools.dir", "../tools"))
      .resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

  @TempDir Path dataDir;

  @Test
  void start_thenStop_answersBaseSepoliaChainIdAndKeepsState() throws Exception {
    LocalChain chain = new LocalChain(new LocalChainProperties(true, freePort(), 84532, ANVIL), dataDir);
    chain.start();
    try {
      assertThat(chain.isRunning()).isTrue();
      assertThat(rpc(chain.rpcUrl(), "eth_chainId")).contains("\"result\":\"0x14a34\"");
    } finally {
      chain.stop();
    }

    assertThat(chain.isRunning()).isFalse();
    assertThat(dataDir.resolve("anvil-state.json")).exists();
  }

  @Test
  void start_missingBinary_throwsNamingTheSetupCommand() {
    LocalChain chain = new LocalChain(new LocalChainProperties(true, 1, 84532, dataDir.resolve("anvil")), dataDir);

    assertThatThrownBy(chain::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("./healthhub setup");
  }

  private static String rpc(URI url, String method) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
