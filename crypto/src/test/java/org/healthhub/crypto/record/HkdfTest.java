package org.healthhub.crypto.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869 appendix A, the SHA-256 cases 1 and 3. */
class HkdfTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] IKM = filled(22, 0x0b);

  @Test
  void sha256_rfc5869Case1_matches() {
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

    assertThat(HEX.formatHex(Hkdf.extract(IKM, salt)))
        .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    assertThat(HEX.formatHex(Hkdf.sha256(IKM, salt, info, 42)))
        .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void sha256_rfc5869Case3NoSaltNoInfo_matches() {
    assertThat(HEX.formatHex(Hkdf.extract(IKM, null)))
        .isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
    assertThat(HEX.formatHex(Hkdf.sha256(IKM, new byte[0], new byte[0], 42)))
        .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }

  @Test
  void expand_lengthOutOfRange_throws() {
    byte[] prk = Hkdf.extract(IKM, null);

    assertThatThrownBy(() -> Hkdf.expand(prk, null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hkdf.expand(prk, null, 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8161");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
