package org.healthhub.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.healthhub.storage.testing.JsIpfsDaemon;

/**
 * Prints put and get throughput of the embedded store and of a js-ipfs node for 1 MiB, 100 MiB
 * and 1 GiB of generated content. The node's 1 GiB run takes most of a minute, so it only runs
 * with {@code --node-1gb}. Run it with {@code workers/bench}.
 */
public final class StorageBench {
  private static final long MIB = 1_048_576;
  private static final List<Long> SIZES = List.of(MIB, 100 * MIB, 1024 * MIB);

  private StorageBench() {}

  public static void main(String[] args) throws Exception {
    boolean node1Gb = List.of(args).contains("--node-1gb");
    Path work = Files.createTempDirectory("healthhub-storage-bench-");
    try (JsIpfsDaemon daemon = JsIpfsDaemon.create(JsIpfsDaemon.toolsDirFromBuild(), work.resolve("ipfs"))) {
      daemon.start();
      System.out.printf("%-10s %10s %12s %12s%n", "store", "size", "put MiB/s", "get MiB/s");
      try (BlobStore embedded = new EmbeddedBlobStore(work.resolve("embedded"));
          BlobStore node = new KuboBlobStore(KuboRpcClient.builder(daemon.apiUrl()).build())) {
        for (long size : SIZES) {
          run("embedded", embedded, size);
          if (size < 1024 * MIB || node1Gb) {
            run("js-ipfs", node, size);
          } else {
            System.out.printf("%-10s %10s %12s %12s%n", "js-ipfs", label(size), "(--node-1gb)", "");
          }
        }
      }
    } finally {
      JsIpfsDaemon.deleteRecursively(work);
    }
  }

  private static void run(String name, BlobStore store, long size) throws IOException {
    long start = System.nanoTime();
    StoredBlob blob = store.put(new TestContent(size, size));
    double putSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    try (InputStream in = store.get(blob.cid())) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    double getSeconds = (System.nanoTime() - start) / 1e9;
    double mib = (double) size / MIB;
    System.out.printf("%-10s %10s %12.1f %12.1f%n", name, label(size), mib / putSeconds, mib / getSeconds);
    store.unpin(blob.cid());
  }

  private static String label(long size) {
    return size >= 1024 * MIB ? size / (1024 * MIB) + " GiB" : size / MIB + " MiB";
  }
}
