package org.healthhub.crypto.record.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.crypto.record.SecretBytes;
import org.junit.jupiter.api.Test;

class HpkeKeyWrapperTest {
  private static final byte[] CONTEXT = "record-1/alice/1".getBytes();
  private final HpkeKeyWrapper wrapper = new HpkeKeyWrapper();
  private final X25519KeyPair reader = X25519KeyPair.generate();
  private final SecretBytes dataKey = SecretBytes.random(32);

  @Test
  void unwrap_ofWrap_returnsDataKey() throws Exception {
    HpkeKeyWrap wrap = wrapper.wrap(dataKey, reader.publicKey(), CONTEXT);

    assertThat(wrapper.unwrap(wrap, reader, CONTEXT).equalsSecret(dataKey)).isTrue();
  }

  @Test
  void unwrap_keyPairRestoredFromPrivateKey_returnsDataKey() throws Exception {
    HpkeKeyWrap wrap = wrapper.wrap(dataKey, reader.publicKey(), CONTEXT);
    X25519KeyPair restored = X25519KeyPair.fromPrivateKey(reader.privateKey());

    assertThat(restored.publicKey()).isEqualTo(reader.publicKey());
    assertThat(wrapper.unwrap(wrap, restored, CONTEXT).equalsSecret(dataKey)).isTrue();
  }

  @Test
  void unwrap_wrongReaderKey_throwsDecryptionFailed() throws Exception {
    HpkeKeyWrap wrap = wrapper.wrap(dataKey, reader.publicKey(), CONTEXT);

    assertThatThrownBy(() -> wrapper.unwrap(wrap, X25519KeyPair.generate(), CONTEXT))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Property(tries = 25)
  void unwrap_anyOtherReaderOrContext_throwsDecryptionFailed(@ForAll boolean otherReader, @ForAll("contexts") String context)
      throws Exception {
    HpkeKeyWrap wrap = wrapper.wrap(dataKey, reader.publicKey(), CONTEXT);
    X25519KeyPair opener = otherReader ? X25519KeyPair.generate() : reader;
    byte[] openContext = otherReader ? CONTEXT : context.getBytes();

    assertThatThrownBy(() -> wrapper.unwrap(wrap, opener, openContext)).isInstanceOf(DecryptionFailedException.class);
  }

  @Provide
  Arbitrary<String> contexts() {
    return Arbitraries.strings().ofMinLength(0).ofMaxLength(40).filter(c -> !c.equals(new String(CONTEXT)));
  }

  @Test
  void unwrap_otherContext_throwsDecryptionFailed() throws Exception {
    HpkeKeyWrap wrap = wrapper.wrap(dataKey, reader.publicKey(), CONTEXT);

    assertThatThrownBy(() -> wrapper.unwrap(wrap, reader, "record-2/alice/1".getBytes()))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Property(tries = 40)
  void unwrap_anyFlippedBit_throwsDecryptionFailed(@ForAll @IntRange(min = 0, max = HpkeKeyWrap.ENCODED_LENGTH * 8 - 1) int bit)
      throws Exception {
    byte[] encoded = wrapper.wrap(dataKey, reader.publicKey(), CONTEXT).encode();
    encoded[bit / 8] ^= (byte) (1 << (bit % 8));

    assertThatThrownBy(() -> wrapper.unwrap(HpkeKeyWrap.parse(encoded), reader, CONTEXT))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void parse_wrongLength_throwsMalformed() {
    assertThatThrownBy(() -> HpkeKeyWrap.parse(new byte[79]))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("80");
  }

  @Test
  void wrap_shortPublicKey_throwsMalformed() {
    assertThatThrownBy(() -> wrapper.wrap(dataKey, new byte[31], CONTEXT))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void wrap_lowOrderPublicKey_throwsMalformed() {
    assertThatThrownBy(() -> wrapper.wrap(dataKey, new byte[32], CONTEXT))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void toString_keyPair_hidesPrivateKey() {
    String privateHex = java.util.HexFormat.of().formatHex(reader.privateKey().copySecret());

    assertThat(reader.toString()).doesNotContain(privateHex).contains("redacted");
  }
}
