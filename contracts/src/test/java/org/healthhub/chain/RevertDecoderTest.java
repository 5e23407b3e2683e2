package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevertDecoderTest {
  private final RevertDecoder decoder = RevertDecoder.forDataHub();

  @Test
  void decode_customErrorSelector_givesItsName() {
    // keccak256("NoPayment()")[0..4]
    String data = "0x" + org.web3j.utils.Numeric.toHexStringNoPrefix(
        org.web3j.crypto.Hash.sha3("NoPayment()".getBytes())).substring(0, 8);
    assertThat(decoder.decode(data).errorName()).isEqualTo("NoPayment");
  }

  @Test
  void decode_errorString_givesError() {
    assertThat(decoder.decode("0x08c379a0" + "00".repeat(64)).errorName()).isEqualTo("Error");
  }

  @Test
  void decode_unknownOrEmpty_namesTheSelector() {
    assertThat(decoder.decode("0xdeadbeef").errorName()).isEqualTo("unknown:0xdeadbeef");
    assertThat(decoder.decode(null).errorName()).isEqualTo("unknown:0x");
  }
}
