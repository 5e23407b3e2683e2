package org.healthhub.crypto.record.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisclosureJsonTest {
  @Test
  void decode_ofEncode_verifies() throws Exception {
    MerkleTree tree = MerkleTreeTest.tree(30, 9);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(2), tree.paths().get(17)));

    Disclosure decoded = DisclosureJson.decode(DisclosureJson.encode(disclosure));

    assertThatCode(() -> MerkleVerifier.verify(tree.root(), decoded)).doesNotThrowAnyException();
  }

  @Test
  void decode_tamperedText_failsVerificationOrDecoding() throws Exception {
    MerkleTree tree = MerkleTreeTest.tree(30, 10);
    String json = DisclosureJson.encode(tree.disclose(List.of(tree.paths().get(4))));
    String tampered = json.replace("\"index\":4", "\"index\":5");

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), DisclosureJson.decode(tampered)))
        .isInstanceOf(ProofVerificationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "[]",
    "{\"fields\":[],\"leafCount\":1}",
    "{\"fields\":[],\"leafCount\":1.5,\"proof\":[]}",
    "{\"fields\":[{\"index\":0,\"path\":\"/a\",\"salt\":\"!!\",\"value\":\"1\"}],\"leafCount\":1,\"proof\":[]}",
    "{\"fields\":[{\"index\":0,\"path\":\"/a\",\"value\":\"1\"}],\"leafCount\":1,\"proof\":[]}",
    "{\"fields\":[],\"leafCount\":1,\"proof\":[],\"extra\":0}",
    "{\"fields\":[],\"leafCount\":1,\"proof\":[7]}"
  })
  void decode_wrongShape_throwsMalformed(String json) {
    assertThatThrownBy(() -> DisclosureJson.decode(json)).isInstanceOf(MalformedInputException.class);
  }
}
