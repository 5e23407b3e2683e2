package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReplayRandomScalarsTest {
  private static final byte[] SEED = "a 32-byte seed for the DRBG test".getBytes();

  /** The README's definition, written out independently of the class under test. */
  private static byte[] readmeStream(byte[] seed, int length) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; out.size() < length; i++) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(seed);
      sha.update(ByteBuffer.allocate(4).putInt(i).array());
      out.write(sha.digest());
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }

  @Test
  void nextBytes_unevenChunks_followReadmeDefinition() throws Exception {
    ReplayRandomScalars drbg = RandomScalars.replay(SEED);
    byte[] expected = readmeStream(SEED, 100);
    byte[] first = drbg.nextBytes(7);
    byte[] second = drbg.nextBytes(60);
    byte[] third = drbg.nextBytes(33);
    assertThat(first).isEqualTo(Arrays.copyOfRange(expected, 0, 7));
    assertThat(second).isEqualTo(Arrays.copyOfRange(expected, 7, 67));
    assertThat(third).isEqualTo(Arrays.copyOfRange(expected, 67, 100));
    assertThat(drbg.bytesDrawn()).isEqualTo(100);
  }

  @Test
  void nextFr_threeDraws_take32BytesEachWithMclRule() throws Exception {
    ReplayRandomScalars drbg = RandomScalars.replay(SEED);
    byte[] expected = readmeStream(SEED, 96);
    for (int i = 0; i < 3; i++) {
      assertThat(drbg.nextFr()).isEqualTo(Fr.fromCsprngBytes(Arrays.copyOfRange(expected, 32 * i, 32 * i + 32)));
    }
    assertThat(drbg.bytesDrawn()).isEqualTo(96);
  }

  @Test
  void replay_seedArrayChangedAfterwards_isUnaffected() {
    byte[] seed = SEED.clone();
    ReplayRandomScalars drbg = RandomScalars.replay(seed);
    seed[0] ^= 1;
    assertThat(drbg.nextFr()).isEqualTo(RandomScalars.replay(SEED).nextFr());
  }
}
