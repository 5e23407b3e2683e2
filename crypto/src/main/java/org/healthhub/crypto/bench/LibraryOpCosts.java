package org.healthhub.crypto.bench;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * What each {@link LibraryOp} costs on the loaded library, through the same JNA binding the
 * schemes use: the best of several batches (µs per call, CPU time of the thread), so that the
 * sums built from them stay lower bounds on a shared machine.
 */
final class LibraryOpCosts {
  private static final int PER_BATCH = 40;
  private static final int BATCHES = 7;

  private LibraryOpCosts() {}

  static Map<LibraryOp, Double> measure(RandomScalars rng, Clock clock) {
    Fr[] k = new Fr[PER_BATCH];
    G1[] p = new G1[PER_BATCH];
    G2[] q = new G2[PER_BATCH];
    GT[] t = new GT[PER_BATCH];
    GT base = Pairing.pairing(G1.generator(), G2.generator());
    for (int i = 0; i < PER_BATCH; i++) {
      k[i] = rng.nextFr();
      p[i] = affine(G1.random(rng));
      q[i] = G2.random(rng);
      t[i] = base.pow(rng.nextFr());
    }
    Map<LibraryOp, Double> cost = new EnumMap<>(LibraryOp.class);
    cost.put(LibraryOp.PAIRING, best(clock, i -> Pairing.pairing(p[i], q[i])));
    cost.put(LibraryOp.G1_MUL, best(clock, i -> p[i].mul(k[i])));
    cost.put(LibraryOp.G2_MUL, best(clock, i -> q[i].mul(k[i])));
    cost.put(LibraryOp.G1_ADD, best(clock, i -> p[i].add(p[(i + 1) % PER_BATCH])));
    cost.put(LibraryOp.G2_ADD, best(clock, i -> q[i].add(q[(i + 1) % PER_BATCH])));
    cost.put(LibraryOp.GT_POW, best(clock, i -> t[i].pow(k[i])));
    cost.put(LibraryOp.GT_POW_VEC3, best(clock, i -> GT.powVec(
        List.of(t[i], t[(i + 1) % PER_BATCH], t[(i + 2) % PER_BATCH]),
        List.of(k[i], k[(i + 1) % PER_BATCH], k[(i + 2) % PER_BATCH]))));
    cost.put(LibraryOp.GT_MUL, best(clock, i -> t[i].mul(t[(i + 1) % PER_BATCH])));
    cost.put(LibraryOp.GT_DIV, best(clock, i -> t[i].div(t[(i + 1) % PER_BATCH])));
    cost.put(LibraryOp.GT_INV, best(clock, i -> t[i].inv()));
    cost.put(LibraryOp.G1_HASH, best(clock, i -> G1.hashAndMapTo(("m" + i).getBytes(StandardCharsets.UTF_8))));
    cost.put(LibraryOp.FR_HASH, best(clock, i -> Fr.hashOf(k[i].toBytes())));
    cost.put(LibraryOp.FR_INV, best(clock, i -> k[i].inv()));
    // a point serializes once per object (it keeps its encoding): each call gets a fresh product
    cost.put(LibraryOp.G1_SERIALIZE, bestOnFresh(clock, i -> p[i].mul(k[i]), x -> ((G1) x).toBytes()));
    cost.put(LibraryOp.G2_SERIALIZE, bestOnFresh(clock, i -> q[i].mul(k[i]), x -> ((G2) x).toBytes()));
    cost.put(LibraryOp.GT_SERIALIZE, best(clock, i -> t[i].toBytes()));
    return cost;
  }

  /** A time source in nanoseconds (the thread's CPU time where the JVM has it). */
  interface Clock {
    long nanos();
  }

  private static G1 affine(G1 point) {
    try {
      return G1.fromBytes(point.toBytes());
    } catch (MalformedInputException e) {
      throw new IllegalStateException("a point this benchmark made did not decode", e);
    }
  }

  private static double best(Clock clock, IntFunction<Object> op) {
    double best = Double.MAX_VALUE;
    for (int batch = 0; batch <= BATCHES; batch++) {
      long start = clock.nanos();
      for (int i = 0; i < PER_BATCH; i++) {
        GroupSigBench.consume(op.apply(i));
      }
      double micros = (clock.nanos() - start) / 1e3 / PER_BATCH;
      if (batch > 0) {
        best = Math.min(best, micros);
      }
    }
    return best;
  }

  private static double bestOnFresh(Clock clock, IntFunction<Object> make, Function<Object, Object> op) {
    double best = Double.MAX_VALUE;
    for (int batch = 0; batch <= BATCHES; batch++) {
      Object[] fresh = new Object[PER_BATCH];
      for (int i = 0; i < PER_BATCH; i++) {
        fresh[i] = make.apply(i);
      }
      long start = clock.nanos();
      for (Object x : fresh) {
        GroupSigBench.consume(op.apply(x));
      }
      double micros = (clock.nanos() - start) / 1e3 / PER_BATCH;
      if (batch > 0) {
        best = Math.min(best, micros);
      }
    }
    return best;
  }
}
