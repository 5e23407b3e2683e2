package org.healthhub.crypto.mcl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntFunction;
import org.healthhub.crypto.MalformedInputException;

/**
 * Prints the cost of mcl's main operations for the loaded library, one row per operation:
 * {@code java org.healthhub.crypto.mcl.MclBench [iterations]} (default 200). Times are the thread's
 * CPU time: the machine is shared, and wall time mostly measures the others.
 */
public final class MclBench {
  // Results go here so that the JIT cannot drop the work.
  private static volatile Object sink;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MclBench() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Mcl.ensureLoaded();
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {42});
    Fr[] k = new Fr[iterations];
    G1[] p = new G1[iterations];
    G2[] q = new G2[iterations];
    GT[] t = new GT[iterations];
    for (int i = 0; i < iterations; i++) {
      k[i] = random.nextFr();
      p[i] = G1.random(random);
      q[i] = G2.random(random);
    }
    GT e = Pairing.pairing(G1.generator(), G2.generator());
    for (int i = 0; i < iterations; i++) {
      t[i] = e.pow(k[i]);
    }
    byte[][] messages = new byte[iterations][];
    byte[][] g1Bytes = new byte[iterations][];
    byte[][] gtBytes = new byte[iterations][];
    for (int i = 0; i < iterations; i++) {
      messages[i] = k[i].toBytes();
      g1Bytes[i] = p[i].toBytes();
      gtBytes[i] = t[i].toBytes();
    }

    System.out.println("mcl micro-benchmark, " + iterations + " iterations each; library: " + Mcl.libraryDescription());
    System.out.printf(Locale.ROOT, "%-24s %12s%n", "operation", "CPU us/op");
    row("pairing", iterations, i -> Pairing.pairing(p[i], q[i]));
    row("G1 mul", iterations, i -> p[i].mul(k[i]));
    row("G2 mul", iterations, i -> q[i].mul(k[i]));
    FixedBaseG1 fixedP = p[0].precompute();
    FixedBaseG2 fixedQ = q[0].precompute();
    row("G1 mul, fixed base", iterations, i -> fixedP.mul(k[i]));
    row("G2 mul, fixed base", iterations, i -> fixedQ.mul(k[i]));
    row("GT pow", iterations, i -> t[i].pow(k[i]));
    PrecomputedGT fixed = e.precompute();
    row("GT pow fixed base", iterations, i -> fixed.pow(k[i]));
    row("GT precompute", Math.max(1, iterations / 20), i -> t[i].precompute());
    row("G1 hashAndMapTo", iterations, i -> G1.hashAndMapTo(messages[i]));
    row("G1 fromBytes (checked)", iterations, i -> decode(() -> G1.fromBytes(g1Bytes[i])));
    row("GT fromBytes (checked)", iterations, i -> decode(() -> GT.fromBytes(gtBytes[i])));
    row("Fr mul (JNA floor)", iterations, i -> k[i].mul(k[(i + 1) % iterations]));
  }

  private interface Decode {
    Object run() throws MalformedInputException;
  }

  private static Object decode(Decode decode) {
    try {
      return decode.run();
    } catch (MalformedInputException e) {
      throw new IllegalStateException("a value this benchmark encoded did not decode", e);
    }
  }

  private static void row(String name, int iterations, IntFunction<Object> op) {
    for (int i = 0; i < Math.min(iterations, 50); i++) {
      sink = op.apply(i);
    }
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < iterations; i++) {
      sink = op.apply(i);
    }
    double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1_000.0 / iterations;
    System.out.printf(Locale.ROOT, "%-24s %12.1f%n", name, micros);
  }
}
