package org.healthhub.crypto.groupsig;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.GT;

/**
 * The bytes a Fiat-Shamir challenge is computed over, and the challenge itself:
 * {@code Chal(T) = Fr.setHashOf(SHA-256(T))}, so SHA-256 runs twice (pygroupsig hashes the
 * transcript, mcl hashes that digest again before reducing it into Fr).
 */
public final class Transcript {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

  public Transcript add(byte[] raw) {
    bytes.writeBytes(raw);
    return this;
  }

  public Transcript add(Fr value) {
    return add(value.toBytes());
  }

  public Transcript add(G1 value) {
    return add(value.toBytes());
  }

  public Transcript add(G2 value) {
    return add(value.toBytes());
  }

  public Transcript add(GT value) {
    return add(value.toBytes());
  }

  /** Adds text as strict UTF-8 (a lone surrogate is malformed, as in Python). */
  public Transcript addUtf8(String text) throws MalformedInputException {
    return add(utf8(text));
  }

  /** {@code hex(SHA-256(T))}: how pygroupsig names members in its GML. */
  public String sha256Hex() {
    return java.util.HexFormat.of().formatHex(sha256(bytes.toByteArray()));
  }

  public Fr challenge() {
    return challengeOf(bytes.toByteArray());
  }

  /** {@code Chal(T)}: also gl19's lifetime scalar, which is a challenge over a decimal string. */
  public static Fr challengeOf(byte[] transcript) {
    return Fr.hashOf(sha256(transcript));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Strict UTF-8: Java would turn a lone surrogate into '?', Python raises; we reject it. */
  public static byte[] utf8(String text) throws MalformedInputException {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new MalformedInputException("text is not valid Unicode (lone surrogate)", e);
    }
  }
}
