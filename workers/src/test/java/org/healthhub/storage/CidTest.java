package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidTest {

  @Test
  void parse_kuboCid_printsTheSameText() {
    String text = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    assertThat(Cid.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void parse_nonBase58Character_throwsWithPosition() {
    assertThatThrownBy(() -> Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff50"))
        .isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("'0' at position 45");
  }

  @Test
  void parse_cidV1Text_throws() {
    assertThatThrownBy(() -> Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"))
        .isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("46 base58btc characters");
  }

  @Test
  void fromMultihash_wrongHashFunction_throws() {
    byte[] multihash = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").multihash();
    multihash[0] = 0x13;
    assertThatThrownBy(() -> Cid.fromMultihash(multihash))
        .isInstanceOf(InvalidCidException.class)
        .hasMessageContaining("0x12 0x20");
  }

  @Test
  void equals_sameText_equalAndSameHash() {
    Cid a = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    Cid b = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}
