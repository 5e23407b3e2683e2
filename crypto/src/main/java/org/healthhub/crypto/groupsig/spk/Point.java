package org.healthhub.crypto.groupsig.spk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;

/** A G1 or a G2 element, for representation proofs whose statements mix both (klap20). */
public sealed interface Point {
  Point mul(Fr k);

  Point add(Point other);

  byte[] toBytes();

  /**
   * {@code Σ points[i]·scalars[i]} as one G1 or G2 multi-scalar multiplication.
   *
   * @throws IllegalArgumentException if the points are empty or mix G1 and G2
   */
  static Point mulVec(List<Point> points, List<Fr> scalars) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a sum of products needs at least one point");
    }
    if (points.get(0) instanceof OfG1) {
      return new OfG1(G1.mulVec(values(points, OfG1.class, OfG1::value), scalars));
    }
    return new OfG2(G2.mulVec(values(points, OfG2.class, OfG2::value), scalars));
  }

  private static <P extends Point, V> List<V> values(
      List<Point> points, Class<P> kind, Function<P, V> value) {
    List<V> values = new ArrayList<>(points.size());
    for (Point point : points) {
      if (!kind.isInstance(point)) {
        throw new IllegalArgumentException("cannot add a G1 element to a G2 element");
      }
      values.add(value.apply(kind.cast(point)));
    }
    return values;
  }

  static Point of(G1 value) {
    return new OfG1(value);
  }

  static Point of(G2 value) {
    return new OfG2(value);
  }

  record OfG1(G1 value) implements Point {
    @Override
    public Point mul(Fr k) {
      return new OfG1(value.mul(k));
    }

    @Override
    public Point add(Point other) {
      if (other instanceof OfG1 g1) {
        return new OfG1(value.add(g1.value));
      }
      throw new IllegalArgumentException("cannot add a G2 element to a G1 element");
    }

    @Override
    public byte[] toBytes() {
      return value.toBytes();
    }
  }

  record OfG2(G2 value) implements Point {
    @Override
    public Point mul(Fr k) {
      return new OfG2(value.mul(k));
    }

    @Override
    public Point add(Point other) {
      if (other instanceof OfG2 g2) {
        return new OfG2(value.add(g2.value));
      }
      throw new IllegalArgumentException("cannot add a G1 element to a G2 element");
    }

    @Override
    public byte[] toBytes() {
      return value.toBytes();
    }
  }
}
