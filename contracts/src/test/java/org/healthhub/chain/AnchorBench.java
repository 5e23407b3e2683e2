package org.healthhub.chain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.healthhub.chain.testing.DataHubFixture;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Prints what one {@link DataHubGateway#anchorRecord} costs the caller on a local anvil: its
 * JSON-RPC calls by method, and the calling thread's CPU and wall time, warmed up. Usage:
 * {@code AnchorBench [anchors] [tools dir]} (default 300, system property healthhub.tools.dir).
 */
public final class AnchorBench {
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AnchorBench() {}

  public static void main(String[] args) throws Exception {
    int anchors = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path tools = Path.of(args.length > 1 ? args[1] : System.getProperty("healthhub.tools.dir", "tools"));
    Map<String, Integer> calls = new TreeMap<>();
    try (LocalAnvil anvil = LocalAnvil.start(tools)) {
      DataHubFixture f = DataHubFixture.deploy(anvil);
      Web3j counted = Web3j.build(new HttpService(anvil.rpcUrl(), countingClient(calls)));
      TransactionSender sender = new TransactionSender(counted, f.hospital, LocalAnvil.CHAIN_ID, RevertDecoder.forDataHub(), 10, 3_000);
      DataHubGateway gateway = new DataHubGateway(counted, sender, f.address);
      String patient = f.patients.get(0).getAddress();
      anchor(gateway, patient, anchors / 2);
      calls.clear();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      anchor(gateway, patient, anchors);
      double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / anchors;
      double wallMs = (System.nanoTime() - wall) / 1e6 / anchors;
      System.out.printf("%d anchors: %.2f ms CPU, %.2f ms wall each; JSON-RPC calls per anchor:%n", anchors, cpuMs, wallMs);
      calls.forEach((method, n) -> System.out.printf("  %-28s %.2f%n", method, n / (double) anchors));
      System.out.printf("  %-28s %.2f%n", "total", calls.values().stream().mapToInt(Integer::intValue).sum() / (double) anchors);
    }
  }

  private static void anchor(DataHubGateway gateway, String patient, int count) throws ChainException {
    for (int i = 0; i < count; i++) {
      gateway.anchorRecord(new RecordAnchor(random32(), random32(), random32(), patient));
    }
  }

  private static OkHttpClient countingClient(Map<String, Integer> calls) {
    return new OkHttpClient.Builder().addInterceptor(chain -> {
      Buffer body = new Buffer();
      chain.request().body().writeTo(body);
      Matcher m = METHOD.matcher(body.readUtf8());
      synchronized (calls) {
        calls.merge(m.find() ? m.group(1) : "?", 1, Integer::sum);
      }
      return chain.proceed(chain.request());
    }).build();
  }

  private static byte[] random32() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return b;
  }
}
