package org.healthhub.crypto.groupsig.spk;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.mcl.Fr;

/**
 * The statement of a {@link GeneralRepresentationProof}: public values {@code Y}, bases
 * {@code G}, the pairs (witness index a, base index b) in order, and how many consecutive pairs
 * each relation takes ({@code groupSizes}, summing to the number of pairs).
 */
public record Representation(
    List<Point> publics, List<Point> bases, List<Pair> pairs, List<Integer> groupSizes) {

  /** Base {@code bases[base]} raised to witness {@code witnesses[witness]}. */
  public record Pair(int witness, int base) {
    public Pair {
      if (witness < 0 || witness > 0xffff || base < 0 || base > 0xffff) {
        throw new IllegalArgumentException("pair indices are 16-bit: " + witness + ", " + base);
      }
    }
  }

  public Representation {
    publics = List.copyOf(publics);
    bases = List.copyOf(bases);
    pairs = List.copyOf(pairs);
    groupSizes = List.copyOf(groupSizes);
    if (groupSizes.size() != publics.size()) {
      throw new IllegalArgumentException("one group size per public value");
    }
    if (groupSizes.stream().anyMatch(size -> size < 1)) {
      throw new IllegalArgumentException("every relation needs at least one pair");
    }
    if (groupSizes.stream().mapToInt(Integer::intValue).sum() != pairs.size()) {
      throw new IllegalArgumentException("group sizes must add up to the number of pairs");
    }
    for (Pair pair : pairs) {
      if (pair.base() >= bases.size()) {
        throw new IllegalArgumentException("pair names base " + pair.base() + " of " + bases.size());
      }
    }
  }

  /** Builds the pair list from {@code {a, b}} rows, as the scheme tables write them. */
  public static List<Pair> pairs(int[][] rows) {
    List<Pair> pairs = new ArrayList<>(rows.length);
    for (int[] row : rows) {
      pairs.add(new Pair(row[0], row[1]));
    }
    return pairs;
  }

  int witnessCount() {
    return pairs.stream().mapToInt(Pair::witness).max().orElse(-1) + 1;
  }

  /** {@code Σ g_b·k_a} per relation, for witnesses or randomness {@code k}. */
  List<Point> evaluate(List<Fr> scalars) {
    return evaluate(scalars, null);
  }

  /**
   * {@code y_j·c + Σ g_b·k_a} per relation (the verifier's commitments), or {@code Σ g_b·k_a}
   * when {@code c} is null; each relation is one multi-scalar multiplication.
   */
  List<Point> evaluate(List<Fr> scalars, Fr c) {
    List<Point> sums = new ArrayList<>(groupSizes.size());
    int next = 0;
    for (int j = 0; j < groupSizes.size(); j++) {
      int size = groupSizes.get(j);
      List<Point> terms = new ArrayList<>(size + 1);
      List<Fr> factors = new ArrayList<>(size + 1);
      if (c != null) {
        terms.add(publics.get(j));
        factors.add(c);
      }
      for (int t = 0; t < size; t++, next++) {
        Pair pair = pairs.get(next);
        terms.add(bases.get(pair.base()));
        factors.add(scalars.get(pair.witness()));
      }
      sums.add(Point.mulVec(terms, factors));
    }
    return sums;
  }

  /** IDX: per pair, the witness index then the base index, each a little-endian uint16. */
  byte[] indexBytes() {
    byte[] idx = new byte[pairs.size() * 4];
    for (int t = 0; t < pairs.size(); t++) {
      Pair pair = pairs.get(t);
      idx[4 * t] = (byte) pair.witness();
      idx[4 * t + 1] = (byte) (pair.witness() >>> 8);
      idx[4 * t + 2] = (byte) pair.base();
      idx[4 * t + 3] = (byte) (pair.base() >>> 8);
    }
    return idx;
  }
}
