package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurvePointEncodingTest {
  private final RandomScalars rng = RandomScalars.secure();

  @Test
  void toBytes_callerMutatesResult_laterEncodingUnchanged() {
    G1 point = G1.random(rng);
    byte[] first = point.toBytes();
    byte[] expected = first.clone();
    first[0] ^= 1;
    assertThat(point.toBytes()).isEqualTo(expected);
  }

  @Test
  void fromBytes_callerMutatesInput_encodingStaysTheDecodedOne() throws Exception {
    G2 original = G2.random(rng);
    byte[] bytes = original.toBytes();
    G2 decoded = G2.fromBytes(bytes);
    bytes[0] ^= 1;
    assertThat(decoded.toBytes()).isEqualTo(original.toBytes());
    assertThat(decoded.mul(Fr.of(3)).toBytes()).isEqualTo(original.mul(Fr.of(3)).toBytes());
  }
}
