package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same laws and rejections for G1 and G2, through one adapter per group. */
class PointGroupTest {

  interface Decoder<P> {
    P decode(byte[] bytes) throws MalformedInputException;
  }

  record Group<P>(
      String name,
      int size,
      Supplier<P> generator,
      Supplier<P> zero,
      Function<RandomScalars, P> random,
      BinaryOperator<P> add,
      BinaryOperator<P> sub,
      UnaryOperator<P> neg,
      MulFn<P> mul,
      MulVecFn<P> mulVec,
      Function<P, byte[]> toBytes,
      Function<P, Boolean> isZero,
      Decoder<P> fromBytes,
      Decoder<P> fromBase64Bytes,
      Supplier<byte[]> offCurve,
      Supplier<byte[]> outsideSubgroup) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface MulFn<P> {
    P mul(P p, Fr k);
  }

  interface MulVecFn<P> {
    P mulVec(List<P> ps, List<Fr> ks);
  }

  static Stream<Group<?>> groups() {
    return Stream.of(
        new Group<G1>("G1", G1.SERIALIZED_SIZE, G1::generator, G1::zero, G1::random, G1::add, G1::sub,
            G1::neg, G1::mul, G1::mulVec, G1::toBytes, G1::isZero, G1::fromBytes,
            b -> G1.fromBase64(Base64.getEncoder().encodeToString(b)),
            CurveSamples::g1OffCurve, CurveSamples::g1OnCurveOutsideSubgroup),
        new Group<G2>("G2", G2.SERIALIZED_SIZE, G2::generator, G2::zero, G2::random, G2::add, G2::sub,
            G2::neg, G2::mul, G2::mulVec, G2::toBytes, G2::isZero, G2::fromBytes,
            b -> G2.fromBase64(Base64.getEncoder().encodeToString(b)),
            CurveSamples::g2OffCurve, CurveSamples::g2OnCurveOutsideSubgroup));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void groupLaws_randomPoints_hold(Group<P> g) {
    ReplayRandomScalars random = RandomScalars.replay(g.name().getBytes());
    for (int i = 0; i < 5; i++) {
      P a = g.random().apply(random);
      P b = g.random().apply(random);
      P c = g.random().apply(random);
      Fr k = random.nextFr();
      Fr m = random.nextFr();
      assertThat(g.add().apply(a, b)).isEqualTo(g.add().apply(b, a));
      assertThat(g.add().apply(g.add().apply(a, b), c)).isEqualTo(g.add().apply(a, g.add().apply(b, c)));
      assertThat(g.add().apply(a, g.zero().get())).isEqualTo(a);
      assertThat(g.isZero().apply(g.add().apply(a, g.neg().apply(a)))).isTrue();
      assertThat(g.sub().apply(a, b)).isEqualTo(g.add().apply(a, g.neg().apply(b)));
      assertThat(g.mul().mul(a, k.add(m))).isEqualTo(g.add().apply(g.mul().mul(a, k), g.mul().mul(a, m)));
      assertThat(g.mul().mul(g.mul().mul(a, k), m)).isEqualTo(g.mul().mul(a, k.mul(m)));
      assertThat(g.isZero().apply(g.mul().mul(a, Fr.zero()))).isTrue();
      assertThat(g.toBytes().apply(a)).isNotEqualTo(g.toBytes().apply(b));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void mulVec_randomPoints_equalsSumOfProducts(Group<P> g) {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {7});
    List<P> points = new ArrayList<>();
    List<Fr> scalars = new ArrayList<>();
    P expected = g.zero().get();
    for (int i = 0; i < 6; i++) {
      points.add(g.random().apply(random));
      scalars.add(random.nextFr());
      expected = g.add().apply(expected, g.mul().mul(points.get(i), scalars.get(i)));
    }
    assertThat(g.mulVec().mulVec(points, scalars)).isEqualTo(expected);
    assertThat(g.isZero().apply(g.mulVec().mulVec(List.of(), List.of()))).isTrue();
    assertThatThrownBy(() -> g.mulVec().mulVec(points, scalars.subList(0, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void serialization_randomPointsAndIdentity_roundTrip(Group<P> g) throws MalformedInputException {
    ReplayRandomScalars random = RandomScalars.replay(new byte[] {9});
    for (int i = 0; i < 10; i++) {
      P a = g.random().apply(random);
      byte[] bytes = g.toBytes().apply(a);
      assertThat(bytes).hasSize(g.size());
      assertThat(g.fromBytes().decode(bytes)).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(g.fromBase64Bytes().decode(bytes)).isEqualTo(a);
    }
    P zero = g.fromBytes().decode(new byte[g.size()]);
    assertThat(g.isZero().apply(zero)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void fromBytes_wrongLength_throws(Group<P> g) {
    byte[] good = g.toBytes().apply(g.generator().get());
    assertThatThrownBy(() -> g.fromBytes().decode(Arrays.copyOf(good, g.size() - 1)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("wrong length");
    assertThatThrownBy(() -> g.fromBytes().decode(Arrays.copyOf(good, g.size() + 1)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("wrong length");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void fromBytes_coordinateNotBelowP_throws(Group<P> g) {
    byte[] bytes = new byte[g.size()];
    System.arraycopy(FieldBounds.toLittleEndian(FieldBounds.P, 48), 0, bytes, g.size() - 48, 48);
    assertThatThrownBy(() -> g.fromBytes().decode(bytes))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not below the field modulus p");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void fromBytes_offCurveX_throws(Group<P> g) {
    assertThatThrownBy(() -> g.fromBytes().decode(g.offCurve().get()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not on the curve");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void fromBytes_pointOutsideSubgroup_throws(Group<P> g) {
    assertThatThrownBy(() -> g.fromBytes().decode(g.outsideSubgroup().get()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not in the prime-order subgroup");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  <P> void fromBytes_flippedByteOfValidPoint_neverAccepted(Group<P> g) {
    byte[] good = g.toBytes().apply(g.generator().get());
    for (int i = 0; i < g.size(); i += 5) {
      byte[] bad = good.clone();
      bad[i] ^= 0x01;
      assertThatThrownBy(() -> g.fromBytes().decode(bad)).isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void requireNonZero_identityAndGenerator_rejectOnlyIdentity() throws MalformedInputException {
    assertThat(G1.generator().requireNonZero("g")).isSameAs(G1.generator());
    assertThat(G2.generator().requireNonZero("g")).isSameAs(G2.generator());
    assertThatThrownBy(() -> G1.zero().requireNonZero("group key g1"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("group key g1")
        .hasMessageContaining("identity");
    assertThatThrownBy(() -> G2.zero().requireNonZero("group key g2"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("identity");
  }
}
