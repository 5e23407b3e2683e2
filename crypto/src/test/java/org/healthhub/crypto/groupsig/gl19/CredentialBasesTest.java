package org.healthhub.crypto.groupsig.gl19;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;
import org.junit.jupiter.api.Test;

class CredentialBasesTest {
  private final RandomScalars rng = RandomScalars.secure();
  private final G1 g1 = G1.random(rng);
  private final G1 h3 = G1.random(rng);

  @Test
  void of_repeatedAndEvictedExpirations_equalTheDirectComputation() throws Exception {
    CredentialBases bases = new CredentialBases(g1, h3);
    long first = 1_764_000_000L;
    G1 expected = h3.mul(CredentialBases.lifetimeScalar(first)).add(g1);
    assertThat(bases.of(first)).isEqualTo(expected);
    assertThat(bases.of(first)).isEqualTo(expected);
    for (long l = 1; l <= CredentialBases.CAPACITY; l++) {
      bases.of(first + l);
    }
    assertThat(bases.of(first)).isEqualTo(expected);
    assertThat(bases.of(first + 1)).isEqualTo(h3.mul(CredentialBases.lifetimeScalar(first + 1)).add(g1));
  }
}
