package org.healthhub.crypto.groupsig.batch;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;

/**
 * The verification equations of many signatures, each already multiplied by its own random
 * exponent, collected so that one check covers them all:
 *
 * <ul>
 *   <li>a sum of G1 terms that must be the identity (every G1 equation {@code R = Σ P·k}, as
 *       {@code ρ·R − Σ P·(ρ·k) = 0}): one multi-scalar multiplication;
 *   <li>{@code Π R^ρ = Π e(P, Q)^k · Π C^k} for the GT equations: one {@link GT#powVec} of the
 *       commitments with their 64-bit exponents on the left; on the right pairings with a G2
 *       base shared by the batch (grouped into one G1 multi-scalar multiplication per base), or a
 *       shared G1 base (one G2 multi-scalar multiplication per base), all in one multi-pairing,
 *       times the powers of other GT values.
 * </ul>
 *
 * Terms on the same object (a group-key base used by every signature) are merged by identity.
 * Every element given must be in its prime-order group (decoders check it), or the fold is unsound.
 */
public final class BatchFold {
  private final Terms<G1> zeroSum = new Terms<>();
  private final Terms<GT> commitments = new Terms<>();
  private final Terms<GT> rightPowers = new Terms<>();
  private final Map<G2, Terms<G1>> byG2 = new IdentityHashMap<>();
  private final List<G2> g2Order = new ArrayList<>();
  private final Map<G1, Terms<G2>> byG1 = new IdentityHashMap<>();
  private final List<G1> g1Order = new ArrayList<>();

  /** Adds {@code p·k} to the G1 sum that must be the identity. */
  public void addToZeroSum(G1 p, Fr k) {
    zeroSum.add(p, k);
  }

  /** Adds {@code ρ·(r − (a·ka + b·kb))}: the equation {@code r = a·ka + b·kb}, weighted by ρ. */
  public void addLinear(Fr rho, G1 r, G1 a, Fr ka, G1 b, Fr kb) {
    addToZeroSum(r, rho);
    addToZeroSum(a, rho.mul(ka).neg());
    addToZeroSum(b, rho.mul(kb).neg());
  }

  /** Multiplies {@code r^rho} into the left-hand side. */
  public void addCommitment(GT r, Fr rho) {
    commitments.add(r, rho);
  }

  /** Multiplies {@code e(p, q)^k} into the right-hand side, {@code q} shared by the batch. */
  public void addPairing(G1 p, Fr k, G2 sharedQ) {
    byG2.computeIfAbsent(sharedQ, q -> {
      g2Order.add(q);
      return new Terms<>();
    }).add(p, k);
  }

  /** Multiplies {@code e(p, q)^k} into the right-hand side, {@code p} shared by the batch. */
  public void addPairing(G1 sharedP, G2 q, Fr k) {
    byG1.computeIfAbsent(sharedP, p -> {
      g1Order.add(p);
      return new Terms<>();
    }).add(q, k);
  }

  /** Multiplies {@code x^k} into the right-hand side. */
  public void addRightPower(GT x, Fr k) {
    rightPowers.add(x, k);
  }

  /** Whether every equation added holds (up to a 2⁻⁶⁴ chance per batch of a false yes). */
  public boolean holds() {
    if (!G1.mulVec(zeroSum.points, zeroSum.scalars).isZero()) {
      return false;
    }
    List<G1> ps = new ArrayList<>();
    List<G2> qs = new ArrayList<>();
    for (G2 q : g2Order) {
      Terms<G1> terms = byG2.get(q);
      ps.add(G1.mulVec(terms.points, terms.scalars));
      qs.add(q);
    }
    for (G1 p : g1Order) {
      Terms<G2> terms = byG1.get(p);
      ps.add(p);
      qs.add(G2.mulVec(terms.points, terms.scalars));
    }
    GT right =
        Pairing.multiPairing(ps, qs).mul(GT.powVec(rightPowers.points, rightPowers.scalars));
    return GT.powVec(commitments.points, commitments.scalars).equals(right);
  }

  /** Points with scalars, a point given twice (the same object) getting the sum of its scalars. */
  private static final class Terms<P> {
    private final List<P> points = new ArrayList<>();
    private final List<Fr> scalars = new ArrayList<>();
    private final Map<P, Integer> index = new IdentityHashMap<>();

    void add(P point, Fr scalar) {
      Integer at = index.get(point);
      if (at == null) {
        index.put(point, points.size());
        points.add(point);
        scalars.add(scalar);
      } else {
        scalars.set(at, scalars.get(at).add(scalar));
      }
    }
  }
}
