package org.healthhub.crypto.record.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.healthhub.crypto.MalformedInputException;
import org.junit.jupiter.api.Test;

class SignedRootMessageTest {
  private final byte[] root = new byte[32];
  private final SignedRootMessage message = new SignedRootMessage(root, "ps16", "group-7", "fhir-r4/1");

  @Test
  void toBytes_isCanonicalJsonOfContext() {
    assertThat(new String(message.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"domain\":\"healthhub/record-root/v1\",\"groupId\":\"group-7\",\"root\":\"" + "00".repeat(32)
                + "\",\"schemaVersion\":\"fhir-r4/1\",\"scheme\":\"ps16\"}");
  }

  @Test
  void parse_ofToBytes_roundTrips() throws Exception {
    SignedRootMessage parsed = SignedRootMessage.parse(message.toBytes());

    assertThat(parsed.toBytes()).isEqualTo(message.toBytes());
  }

  @Test
  void toBytes_otherContext_differs() {
    assertThat(new SignedRootMessage(root, "cpy06", "group-7", "fhir-r4/1").toBytes()).isNotEqualTo(message.toBytes());
    assertThat(new SignedRootMessage(root, "ps16", "group-8", "fhir-r4/1").toBytes()).isNotEqualTo(message.toBytes());
  }

  @Test
  void parse_nonCanonicalSpelling_throwsMalformed() {
    String spaced = new String(message.toBytes(), StandardCharsets.UTF_8).replace(",", ", ");

    assertThatThrownBy(() -> SignedRootMessage.parse(spaced.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void parse_uppercaseRoot_throwsMalformed() {
    String upper = new String(new SignedRootMessage(new byte[] {(byte) 0xab, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}, "ps16", "g", "1").toBytes(), StandardCharsets.UTF_8)
        .replace("ab01", "AB01");

    assertThatThrownBy(() -> SignedRootMessage.parse(upper.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void parse_otherDomain_throwsMalformed() {
    String other = new String(message.toBytes(), StandardCharsets.UTF_8).replace("record-root/v1", "record-root/v2");

    assertThatThrownBy(() -> SignedRootMessage.parse(other.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("domain");
  }
}
