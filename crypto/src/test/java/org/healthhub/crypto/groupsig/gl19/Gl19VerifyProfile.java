package org.healthhub.crypto.groupsig.gl19;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.Joins;

/**
 * Where one gl19 verify spends its time: CPU time of each part (best of 7 rounds of 40), in ms
 * and in pairings of this library, to compare with pygroupsig's 2.9 pairings (crypto/README.md,
 * "Not met: gl19 verify"). A benchmark, not a test: run its main on the test classpath.
 */
public final class Gl19VerifyProfile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int[] RELATION_SIZES_WITH_CHALLENGE = {2, 3, 3, 4, 2, 3};
  private static Object sink;

  private Gl19VerifyProfile() {}

  private interface Part {
    Object run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    RandomScalars rng = RandomScalars.secure();
    Gl19 scheme = new Gl19();
    GroupSetup setup = scheme.setup(rng);
    Gl19GroupKey group = (Gl19GroupKey) setup.groupKey();
    String message = "a medical record";
    Gl19Signature signature =
        (Gl19Signature) scheme.sign(message, Joins.join(scheme, setup, rng), group, rng);
    G1 p = G1.random(rng);
    G2 q = G2.random(rng);
    double pairing = best(() -> Pairing.pairing(p, q));

    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("verify", best(() -> { scheme.verify(message, signature, group); return null; }));
    parts.put("  SPK (pygroupsig's whole verify)", best(() -> Gl19.proofVerifies(message, signature, group)));
    parts.put("    six mulVec (2,3,3,4,2,3 points)", sixMultiScalarMultiplications(rng));
    parts.put("    g1 + h3·Chal(l), uncached", best(() -> new CredentialBases(group.g1, group.h3).of(signature.expiration)));
    parts.put("    one serialization (computed point)", best(() -> p.add(p).toBytes()));
    parts.put("  issuer equation (precomputed lines)",
        best(() -> Pairing.multiPairing(signature.bigAA, group.ipkLines, signature.bigAbar.neg(), group.g2Lines)));
    System.out.printf(Locale.ROOT, "gl19 verify profile; pairing %.3f ms%n", pairing);
    parts.forEach((part, ms) ->
        System.out.printf(Locale.ROOT, "%-40s %7.3f ms %6.3f pairings%n", part, ms, ms / pairing));
  }

  private static double sixMultiScalarMultiplications(RandomScalars rng) throws Exception {
    List<List<G1>> points = new ArrayList<>();
    List<List<Fr>> scalars = new ArrayList<>();
    for (int size : RELATION_SIZES_WITH_CHALLENGE) {
      List<G1> relationPoints = new ArrayList<>();
      List<Fr> relationScalars = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        relationPoints.add(G1.random(rng));
        relationScalars.add(rng.nextFr());
      }
      points.add(relationPoints);
      scalars.add(relationScalars);
    }
    return best(() -> {
      for (int j = 0; j < points.size(); j++) {
        sink = G1.mulVec(points.get(j), scalars.get(j));
      }
      return sink;
    });
  }

  private static double best(Part part) throws Exception {
    for (int i = 0; i < 100; i++) {
      sink = part.run();
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 7; round++) {
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < 40; i++) {
        sink = part.run();
      }
      best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / 40);
    }
    return best;
  }
}
