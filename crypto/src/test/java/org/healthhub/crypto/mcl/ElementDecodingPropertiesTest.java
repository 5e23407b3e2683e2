package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.healthhub.crypto.MalformedInputException;

/**
 * Element bytes of Fr, G1, G2 and GT: random bytes of any length, truncations, bit flips of valid
 * encodings, off-curve and wrong-subgroup points. A decoder refuses with a typed reason or gives an
 * element whose bytes decode to the same element.
 */
class ElementDecodingPropertiesTest {
  private static final int TRIES = 10_000;

  interface Decoder {
    Object decode(byte[] bytes) throws MalformedInputException;
  }

  private static void decodesOrRefuses(byte[] input, Decoder decoder, java.util.function.Function<Object, byte[]> encode)
      throws MalformedInputException {
    Object value;
    try {
      value = decoder.decode(input);
    } catch (MalformedInputException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    byte[] encoded = encode.apply(value);
    assertThat(decoder.decode(encoded)).isEqualTo(value);
  }

  private static Arbitrary<byte[]> mutationsOf(List<byte[]> valids, int size, List<byte[]> bad) {
    return Arbitraries.randomValue((Random random) -> {
      byte[] valid = valids.get(random.nextInt(valids.size()));
      switch (random.nextInt(6)) {
        case 0 -> {
          byte[] bytes = new byte[random.nextInt(2) == 0 ? size : random.nextInt(size * 2 + 2)];
          random.nextBytes(bytes);
          return bytes;
        }
        case 1 -> {
          return Arrays.copyOf(valid, random.nextInt(valid.length));
        }
        case 2 -> {
          return bad.isEmpty() ? new byte[size] : bad.get(random.nextInt(bad.size())).clone();
        }
        default -> {
          byte[] flipped = valid.clone();
          int bit = random.nextInt(size * 8);
          flipped[bit / 8] ^= (byte) (1 << (bit % 8));
          return flipped;
        }
      }
    });
  }

  @Provide
  Arbitrary<byte[]> frs() {
    return mutationsOf(List.of(Fr.of(7).toBytes(), Fr.hashOf(new byte[] {1}).toBytes()), Fr.SERIALIZED_SIZE,
        List.of(filled(Fr.SERIALIZED_SIZE, 0xff)));
  }

  @Provide
  Arbitrary<byte[]> g1s() {
    return mutationsOf(List.of(G1.generator().toBytes(), G1.hashAndMapTo(new byte[] {1}).toBytes()), G1.SERIALIZED_SIZE,
        List.of(CurveSamples.g1OffCurve(), CurveSamples.g1OnCurveOutsideSubgroup(), filled(G1.SERIALIZED_SIZE, 0xff)));
  }

  @Provide
  Arbitrary<byte[]> g2s() {
    return mutationsOf(List.of(G2.generator().toBytes(), G2.hashAndMapTo(new byte[] {1}).toBytes()), G2.SERIALIZED_SIZE,
        List.of(CurveSamples.g2OffCurve(), CurveSamples.g2OnCurveOutsideSubgroup(), filled(G2.SERIALIZED_SIZE, 0xff)));
  }

  @Provide
  Arbitrary<byte[]> gts() {
    GT e = Pairing.pairing(G1.generator(), G2.generator());
    return mutationsOf(List.of(e.toBytes(), GT.one().toBytes()), GT.SERIALIZED_SIZE, List.of(filled(GT.SERIALIZED_SIZE, 0xff)));
  }

  private static byte[] filled(int size, int value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void fr_mutatedBytes_isMalformedOrRoundTrips(@ForAll("frs") byte[] input) throws Exception {
    decodesOrRefuses(input, Fr::fromBytes, v -> ((Fr) v).toBytes());
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void g1_mutatedBytes_isMalformedOrRoundTrips(@ForAll("g1s") byte[] input) throws Exception {
    decodesOrRefuses(input, G1::fromBytes, v -> ((G1) v).toBytes());
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void g2_mutatedBytes_isMalformedOrRoundTrips(@ForAll("g2s") byte[] input) throws Exception {
    decodesOrRefuses(input, G2::fromBytes, v -> ((G2) v).toBytes());
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void gt_mutatedBytes_isMalformedOrRoundTrips(@ForAll("gts") byte[] input) throws Exception {
    decodesOrRefuses(input, GT::fromBytes, v -> ((GT) v).toBytes());
  }
}
