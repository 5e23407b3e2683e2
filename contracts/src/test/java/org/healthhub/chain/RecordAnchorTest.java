package org.healthhub.chain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.chain.testing.TestBytes.random32;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAnchorTest {
  private static final String PATIENT = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

  @Test
  void create_wrongLengthOrZeroDigest_throwsNamingTheField() {
    assertThatThrownBy(() -> new RecordAnchor(new byte[31], random32(), random32(), PATIENT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root must be 32 bytes");
    assertThatThrownBy(() -> new RecordAnchor(random32(), new byte[32], random32(), PATIENT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cidDigest must not be all zero");
  }

  @Test
  void create_badPatient_throws() {
    assertThatThrownBy(() -> new RecordAnchor(random32(), random32(), random32(), "0x1234"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patient");
    assertThatThrownBy(() -> new RecordAnchor(random32(), random32(), random32(), "0x" + "0".repeat(40)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patient");
  }

  @Test
  void merkleTree_emptyOrOutOfRange_throws() {
    assertThatThrownBy(() -> new RecordMerkleTree(List.of())).isInstanceOf(IllegalArgumentException.class);
    RecordMerkleTree tree = new RecordMerkleTree(List.of(new RecordAnchor(random32(), random32(), random32(), PATIENT)));
    assertThatThrownBy(() -> tree.proof(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
