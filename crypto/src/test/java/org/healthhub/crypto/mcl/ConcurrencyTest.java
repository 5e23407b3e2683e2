package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 6;
  private static final int ROUNDS = 15;

  private static List<byte[]> work() {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      Fr k = Fr.hashOf(new byte[] {(byte) i});
      GT e = Pairing.pairing(G1.generator().mul(k), G2.hashAndMapTo(k.toBytes()));
      out.add(e.pow(k).toBytes());
    }
    return out;
  }

  @Test
  void pairings_manyThreads_giveSameResultsAsOneThread() throws Exception {
    List<byte[]> expected = work();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<byte[]>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS * 2; t++) {
        Callable<List<byte[]>> task = () -> work();
        futures.add(pool.submit(task));
      }
      for (Future<List<byte[]>> f : futures) {
        List<byte[]> got = f.get();
        for (int i = 0; i < ROUNDS; i++) {
          assertThat(got.get(i)).isEqualTo(expected.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
