package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fixed-base multiplication equals plain multiplication, through the table and without it. */
class FixedBaseTest {

  record Group<P extends CurvePoint<P>>(
      String name,
      Function<RandomScalars, P> random,
      P generator,
      P zero,
      Function<P, FixedBase<P>> table,
      Function<P, FixedBase<P>> plain,
      MulFn<P> mul,
      Function<P, byte[]> toBytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface MulFn<P> {
    P mul(P p, Fr k);
  }

  static Stream<Group<?>> groups() {
    return Stream.of(
        new Group<G1>("G1", G1::random, G1.generator(), G1.zero(),
            G1::precompute, p -> new FixedBaseG1(p, false), G1::mul, G1::toBytes),
        new Group<G2>("G2", G2::random, G2.generator(), G2.zero(),
            G2::precompute, p -> new FixedBaseG2(p, false), G2::mul, G2::toBytes));
  }

  /** Edge scalars (0, 1, 2, r - 1, r - 2, 2^64 - 1, 2^128 + 1) and replayed random ones. */
  private static List<Fr> scalars(RandomScalars random, int randomCount) {
    List<Fr> ks = new ArrayList<>(List.of(
        Fr.zero(), Fr.one(), Fr.of(2), Fr.of(-1), Fr.of(-2), Fr.of(31), Fr.of(32), Fr.of(-32),
        Fr.of(-1L >>> 1), Fr.of(Long.MIN_VALUE), Fr.of(1L << 62).mul(Fr.of(1L << 62)).add(Fr.one())));
    for (int i = 0; i < randomCount; i++) {
      ks.add(random.nextFr());
    }
    return ks;
  }

  private static <P extends CurvePoint<P>> void assertSame(Group<P> g, P expected, P actual, String what) {
    assertThat(g.toBytes().apply(actual)).as(what).isEqualTo(g.toBytes().apply(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P extends CurvePoint<P>> void mul_randomBasesAndScalars_equalsPlainMul(Group<P> g) {
    RandomScalars random = RandomScalars.replay(new byte[] {7, (byte) g.name().charAt(1)});
    List<P> bases = new ArrayList<>(List.of(g.generator()));
    for (int i = 0; i < 4; i++) {
      bases.add(g.random().apply(random));
    }
    for (P base : bases) {
      FixedBase<P> table = g.table().apply(base);
      FixedBase<P> plain = g.plain().apply(base);
      for (Fr k : scalars(random, 24)) {
        P expected = g.mul().mul(base, k);
        assertSame(g, expected, table.mul(k), "table path");
        assertSame(g, expected, plain.mul(k), "plain path");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P extends CurvePoint<P>> void mul_identityBase_givesIdentity(Group<P> g) {
    FixedBase<P> table = g.table().apply(g.zero());
    for (Fr k : scalars(RandomScalars.replay(new byte[] {9}), 4)) {
      assertSame(g, g.zero(), table.mul(k), "identity base");
    }
  }

  @Test
  void generator_sharedTables_equalGeneratorMul() {
    RandomScalars random = RandomScalars.replay(new byte[] {11});
    for (Fr k : scalars(random, 8)) {
      assertThat(FixedBaseG1.generator().mul(k).toBytes()).isEqualTo(G1.generator().mul(k).toBytes());
      assertThat(FixedBaseG2.generator().mul(k).toBytes()).isEqualTo(G2.generator().mul(k).toBytes());
    }
    assertThat(FixedBaseG1.generator()).isSameAs(FixedBaseG1.generator());
    assertThat(FixedBaseG1.generator().base()).isEqualTo(G1.generator());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P extends CurvePoint<P>> void precompute_libraryWithTables_usesTable(Group<P> g) {
    assertThat(g.table().apply(g.generator()).usesTable()).isEqualTo(FixedBaseNatives.AVAILABLE);
    assertThat(g.plain().apply(g.generator()).usesTable()).isFalse();
  }
}
