package org.healthhub.processes.siwe;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Checks a signed EIP-4361 message and names the user it logs in: the message must be for this
 * site (domain, URI), this chain, version 1, issued within the nonce's lifetime and not expired;
 * its {@code personal_sign} signature must recover to the address it names; its nonce is then used
 * up; and the address must be a patient's or buyer's chain account.
 */
final class SiweLogin {

  /** Clocks of wallet and server may differ a little. */
  private static final Duration SKEW = Duration.ofMinutes(1);

  private final SiweProperties properties;
  private final SiweNonces nonces;
  private final ChainAccounts accounts;
  private final Clock clock;

  SiweLogin(SiweProperties properties, SiweNonces nonces, ChainAccounts accounts, Clock clock) {
    this.properties = properties;
    this.nonces = nonces;
    this.accounts = accounts;
    this.clock = clock;
  }

  String nonce() {
    return nonces.issue();
  }

  /** The user id the message logs in; throws with the reason when it does not. */
  String verify(String text, String signature) throws SiweException {
    SiweMessage message = SiweMessage.parse(text);
    require(message.domain().equals(properties.domain()), "the message is for " + message.domain() + ", not this site");
    require(message.uri().equals(properties.uri()), "the message names URI " + message.uri() + ", not this site's");
    require(message.version().equals("1"), "only SIWE version 1 is accepted");
    require(message.chainId() == properties.chainId(), "the message is for chain " + message.chainId()
        + ", this site runs on chain " + properties.chainId());
    Instant now = clock.instant();
    require(!message.issuedAt().isAfter(now.plus(SKEW)), "the message is issued in the future");
    require(!message.issuedAt().isBefore(now.minus(properties.nonceTtl()).minus(SKEW)), "the message is too old");
    require(message.expirationTime().map(now::isBefore).orElse(true), "the message has expired");
    require(message.notBefore().map(start -> !start.isAfter(now)).orElse(true), "the message is not valid yet");
    String signer = signerOf(text, signature);
    require(signer.equalsIgnoreCase(message.address()), "the signature is not by " + message.address());
    nonces.consume(message.nonce());
    return accounts.userOf(signer).orElseThrow(
        () -> new SiweException("no patient or buyer holds the account " + message.address()));
  }

  /** The address whose key made the {@code personal_sign} signature (65 bytes r, s, v in hex). */
  static String signerOf(String text, String signatureHex) throws SiweException {
    byte[] signature;
    try {
      signature = Numeric.hexStringToByteArray(signatureHex);
    } catch (RuntimeException e) {
      throw new SiweException("the signature is not hex");
    }
    if (signature.length != 65) {
      throw new SiweException("the signature has " + signature.length + " bytes, 65 expected");
    }
    byte v = signature[64] < 27 ? (byte) (signature[64] + 27) : signature[64];
    Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32),
        Arrays.copyOfRange(signature, 32, 64));
    try {
      BigInteger publicKey = Sign.signedPrefixedMessageToKey(text.getBytes(StandardCharsets.UTF_8), data);
      return Numeric.prependHexPrefix(Keys.getAddress(publicKey));
    } catch (SignatureException | RuntimeException e) {
      throw new SiweException("the signature does not recover to a key");
    }
  }

  private static void require(boolean condition, String reason) throws SiweException {
    if (!condition) {
      throw new SiweException(reason);
    }
  }
}
