package org.healthhub.processes.siwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SiweMessageTest {

  private static final String FULL = """
      example.com wants you to sign in with your Ethereum account:
      0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

      I accept the ServiceOrg Terms of Service.

      URI: https://example.com/login
      Version: 1
      Chain ID: 84532
      Nonce: 32891756abc
      Issued At: 2026-11-25T02:00:00Z
      Expiration Time: 2026-11-25T03:00:00Z
      Resources:
      - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/""";

  @Test
  void parse_fullMessage_readsEveryField() throws SiweException {
    SiweMessage message = SiweMessage.parse(FULL);

    assertThat(message.domain()).isEqualTo("example.com");
    assertThat(message.address()).isEqualTo("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
    assertThat(message.statement()).contains("I accept the ServiceOrg Terms of Service.");
    assertThat(message.uri()).isEqualTo("https://example.com/login");
    assertThat(message.chainId()).isEqualTo(84532);
    assertThat(message.nonce()).isEqualTo("32891756abc");
    assertThat(message.issuedAt()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
    assertThat(message.expirationTime()).contains(Instant.parse("2026-11-25T03:00:00Z"));
  }

  @Test
  void parse_noStatement_accepted() throws SiweException {
    String text = FULL.replace("I accept the ServiceOrg Terms of Service.\n\n", "");

    assertThat(SiweMessage.parse(text).statement()).isEmpty();
  }

  @Test
  void parse_badAddress_throwsNamingTheLine() {
    assertThatThrownBy(() -> SiweMessage.parse(FULL.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0x12")))
        .isInstanceOf(SiweException.class).hasMessageContaining("line 2");
  }

  @Test
  void parse_missingNonce_throws() {
    assertThatThrownBy(() -> SiweMessage.parse(FULL.replace("Nonce: 32891756abc\n", "")))
        .isInstanceOf(SiweException.class).hasMessageContaining("Nonce");
  }

  @Test
  void parse_shortNonce_throws() {
    assertThatThrownBy(() -> SiweMessage.parse(FULL.replace("32891756abc", "abc")))
        .isInstanceOf(SiweException.class).hasMessageContaining("nonce");
  }

  @Test
  void parse_badTime_throws() {
    assertThatThrownBy(() -> SiweMessage.parse(FULL.replace("2026-11-25T02:00:00Z", "yesterday")))
        .isInstanceOf(SiweException.class).hasMessageContaining("Issued At");
  }

  @Test
  void parse_trailingGarbage_throws() {
    assertThatThrownBy(() -> SiweMessage.parse(FULL + "\nextra"))
        .isInstanceOf(SiweException.class).hasMessageContaining("unexpected line");
  }

  @Test
  void signerOf_truncatedSignature_throws() {
    assertThatThrownBy(() -> SiweLogin.signerOf(FULL, "0x1234"))
        .isInstanceOf(SiweException.class).hasMessageContaining("65 expected");
  }
}
