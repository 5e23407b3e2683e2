package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthhub.crypto.testing.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every known answer of {@code mcl.json}, byte for byte. */
class MclKnownAnswerTest {
  private static final JsonNode MCL = Vectors.pygroupsig("mcl");

  @Test
  void generators_pygroupsigSetStr_matchVectorBytes() {
    JsonNode gens = MCL.get("generators");
    assertThat(G1.generator().toBytes()).isEqualTo(hex(gens.get("g1")));
    assertThat(G2.generator().toBytes()).isEqualTo(hex(gens.get("g2")));
    assertThat(G1.generator().neg().toBytes()).isEqualTo(hex(gens.get("neg_g1")));
    assertThat(G1.generator().add(G1.generator()).toBytes()).isEqualTo(hex(gens.get("g1_times_2")));
    assertThat(G2.generator().mul(Fr.of(2)).toBytes()).isEqualTo(hex(gens.get("g2_times_2")));
  }

  @Test
  void generators_decodedFromVectorBytes_equalGenerators() throws MalformedInputException {
    JsonNode gens = MCL.get("generators");
    assertThat(G1.fromBytes(hex(gens.get("g1")))).isEqualTo(G1.generator());
    assertThat(G2.fromBytes(hex(gens.get("g2")))).isEqualTo(G2.generator());
  }

  static Stream<Arguments> hashCases() {
    return StreamSupport.stream(MCL.get("hash").spliterator(), false)
        .map(c -> Arguments.of(c.get("label").asText(), c));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("hashCases")
  void hash_eachCase_matchesMcl(String label, JsonNode c) {
    byte[] msg = hex(c.get("msg_hex"));
    assertThat(Fr.hashOf(msg).toBytes()).as("Fr_setHashOf").isEqualTo(hex(c.get("Fr_setHashOf")));
    assertThat(Fr.hashOf(hex(c.get("sha256_msg"))).toBytes())
        .as("Fr_setHashOf_of_sha256_msg")
        .isEqualTo(hex(c.get("Fr_setHashOf_of_sha256_msg")));
    assertThat(G1.hashAndMapTo(msg).toBytes()).as("G1_hashAndMapTo").isEqualTo(hex(c.get("G1_hashAndMapTo")));
    assertThat(G2.hashAndMapTo(msg).toBytes()).as("G2_hashAndMapTo").isEqualTo(hex(c.get("G2_hashAndMapTo")));
  }

  @Test
  void pairing_generators_matchMclValues() {
    JsonNode p = MCL.get("pairing");
    GT e = Pairing.pairing(G1.generator(), G2.generator());
    assertThat(e.toBytes()).isEqualTo(hex(p.get("e_g1_g2")));
    GT e23 = Pairing.pairing(G1.generator().mul(Fr.of(2)), G2.generator().mul(Fr.of(3)));
    assertThat(e23.toBytes()).isEqualTo(hex(p.get("e_2g1_3g2")));
    assertThat(e.pow(Fr.of(6)).toBytes()).isEqualTo(hex(p.get("e_g1_g2_pow_6")));
    assertThat(e23).isEqualTo(e.pow(Fr.of(6)));
    assertThat(e.pow(Fr.of(3).inv()).toBytes()).isEqualTo(hex(p.get("e_g1_g2_pow_inv3")));
    assertThat(Pairing.pairing(G1.generator().neg(), G2.generator())).isEqualTo(e.inv());
  }

  @Test
  void specialValues_matchMclSerializations() {
    JsonNode s = MCL.get("special_values");
    assertThat(G1.zero().toBytes()).isEqualTo(hex(s.get("G1_infinity")));
    assertThat(G2.zero().toBytes()).isEqualTo(hex(s.get("G2_infinity")));
    assertThat(GT.one().toBytes()).isEqualTo(hex(s.get("GT_one")));
    assertThat(Fr.one().toBytes()).isEqualTo(hex(s.get("Fr_one")));
    assertThat(Fr.of(-1).toBytes()).isEqualTo(hex(s.get("Fr_minus_one")));
    assertThat(Fr.of(2).inv().toBytes()).isEqualTo(hex(s.get("Fr_inverse_of_2")));
  }

  static Stream<Arguments> csprngCases() {
    return StreamSupport.stream(MCL.get("fr_from_csprng_bytes").get("cases").spliterator(), false)
        .map(c -> Arguments.of(c.get("bytes_drawn").asText(), c));
  }

  @ParameterizedTest(name = "[bytes {0}]")
  @MethodSource("csprngCases")
  void frFromCsprngBytes_eachCase_matchesMclRule(String bytes, JsonNode c) {
    assertThat(Fr.fromCsprngBytes(hex(c.get("bytes_drawn"))).toBytes()).isEqualTo(hex(c.get("Fr")));
    if (c.has("drbg_seed")) {
      ReplayRandomScalars drbg = RandomScalars.replay(hex(c.get("drbg_seed")));
      assertThat(drbg.nextBytes(32)).isEqualTo(hex(c.get("bytes_drawn")));
      assertThat(RandomScalars.replay(hex(c.get("drbg_seed"))).nextFr().toBytes()).isEqualTo(hex(c.get("Fr")));
    }
  }

  @Test
  void replay_generatorSeed_matchesRecordedStream() {
    JsonNode d = MCL.get("drbg_used_by_generator");
    ReplayRandomScalars drbg = RandomScalars.replay(hex(d.get("seed")));
    assertThat(drbg.nextBytes(96)).isEqualTo(hex(d.get("first_96_bytes")));
    assertThat(drbg.bytesDrawn()).isEqualTo(96);
  }
}
