package org.healthhub.crypto.record.hpke;

import java.util.Arrays;
import org.healthhub.crypto.MalformedInputException;

/**
 * A data key sealed to one reader: the HPKE encapsulated key (32 bytes) and the AES-256-GCM
 * ciphertext of the 32-byte data key with its tag (48 bytes). Encoded as their concatenation.
 */
public final class HpkeKeyWrap {
  public static final int ENCAPSULATED_KEY_LENGTH = 32;
  public static final int CIPHERTEXT_LENGTH = 32 + 16;
  public static final int ENCODED_LENGTH = ENCAPSULATED_KEY_LENGTH + CIPHERTEXT_LENGTH;
  private final byte[] encoded;

  private HpkeKeyWrap(byte[] encoded) {
    this.encoded = encoded;
  }

  static HpkeKeyWrap of(byte[] encapsulatedKey, byte[] ciphertext) {
    byte[] encoded = Arrays.copyOf(encapsulatedKey, ENCODED_LENGTH);
    System.arraycopy(ciphertext, 0, encoded, ENCAPSULATED_KEY_LENGTH, CIPHERTEXT_LENGTH);
    return new HpkeKeyWrap(encoded);
  }

  /** @throws MalformedInputException if {@code encoded} is not {@value #ENCODED_LENGTH} bytes */
  public static HpkeKeyWrap parse(byte[] encoded) throws MalformedInputException {
    if (encoded.length != ENCODED_LENGTH) {
      throw new MalformedInputException(
          "key wrap must be " + ENCODED_LENGTH + " bytes, got " + encoded.length);
    }
    return new HpkeKeyWrap(encoded.clone());
  }

  public byte[] encode() {
    return encoded.clone();
  }

  byte[] encapsulatedKey() {
    return Arrays.copyOfRange(encoded, 0, ENCAPSULATED_KEY_LENGTH);
  }

  byte[] ciphertext() {
    return Arrays.copyOfRange(encoded, ENCAPSULATED_KEY_LENGTH, ENCODED_LENGTH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HpkeKeyWrap other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }
}
