package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PrecomputedGTTest {
  private static final GT E = Pairing.pairing(G1.generator(), G2.generator());

  private static List<Fr> edgeExponents() {
    List<Fr> ks = new ArrayList<>();
    for (long small : new long[] {0, 1, 2, 15, 16, 17, 31, 32, 33, 1L << 40, Long.MAX_VALUE}) {
      ks.add(Fr.of(small));
      ks.add(Fr.of(small).neg());
    }
    return ks;
  }

  private static List<Fr> randomExponents(int seed, int count) {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {(byte) seed});
    List<Fr> ks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ks.add(random.nextFr());
    }
    return ks;
  }

  @Test
  void precompute_bundledLibrary_usesTable() {
    boolean nativeHerumi = Mcl.libraryDescription().startsWith("native herumi mcl");
    assertThat(E.precompute().usesTable()).isEqualTo(!nativeHerumi);
    assertThat(PrecomputedGT.withoutTable(E).usesTable()).isFalse();
  }

  @Test
  void pow_edgeAndRandomExponents_equalsPlainPowOnBothPaths() {
    List<Fr> ks = new ArrayList<>(edgeExponents());
    ks.addAll(randomExponents(7, 40));
    for (GT base : List.of(E, E.pow(Fr.hashOf(new byte[] {1})), GT.one())) {
      PrecomputedGT table = base.precompute();
      PrecomputedGT plain = PrecomputedGT.withoutTable(base);
      for (Fr k : ks) {
        GT expected = base.pow(k);
        assertThat(table.pow(k).toBytes()).as("table, k = %s", k).isEqualTo(expected.toBytes());
        assertThat(plain.pow(k).toBytes()).as("plain, k = %s", k).isEqualTo(expected.toBytes());
      }
      assertThat(table.base()).isSameAs(base);
    }
  }

  @Test
  void pow_results_behaveAsGroupElements() {
    PrecomputedGT table = E.precompute();
    Fr a = Fr.hashOf(new byte[] {2});
    Fr b = Fr.hashOf(new byte[] {3});
    assertThat(table.pow(a).mul(table.pow(b))).isEqualTo(table.pow(a.add(b)));
    assertThat(table.pow(a).inv()).isEqualTo(table.pow(a.neg()));
    assertThat(table.pow(Fr.zero()).isOne()).isTrue();
  }

  @Test
  void pow_oneTableManyThreads_equalsPlainPow() throws Exception {
    PrecomputedGT table = E.precompute();
    List<Fr> ks = randomExponents(9, 12);
    List<byte[]> expected = new ArrayList<>();
    for (Fr k : ks) {
      expected.add(E.pow(k).toBytes());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<byte[]>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> ks.stream().map(k -> table.pow(k).toBytes()).toList()));
      }
      for (Future<List<byte[]>> future : futures) {
        assertThat(future.get()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toString_namesPath() {
    assertThat(PrecomputedGT.withoutTable(GT.one()).toString()).endsWith(", plain pow)");
  }
}
