package org.healthhub.storage;

import java.util.Arrays;

/**
 * A CIDv0: the base58btc text of a sha2-256 multihash of a dag-pb block, as Kubo prints it
 * ({@code Qm...}, 46 characters). Immutable; equal when the digests are equal.
 */
public final class Cid {
  private static final int SHA2_256 = 0x12;
  private static final int DIGEST_LENGTH = 32;

  private final byte[] multihash;

  private Cid(byte[] multihash) {
    this.multihash = multihash;
  }

  /**
   * Parses {@code Qm...} text.
   *
   * @throws InvalidCidException if the text is not base58btc or not a sha2-256 multihash
   */
  public static Cid parse(String text) {
    if (text == null || text.length() != 46 || !text.startsWith("Qm")) {
      throw new InvalidCidException(
          "a CIDv0 is 46 base58btc characters starting with Qm, got '" + text + "'");
    }
    return fromMultihash(Base58.decode(text));
  }

  /**
   * Reads a binary multihash, as dag-pb links hold it.
   *
   * @throws InvalidCidException if it is not a 34-byte sha2-256 multihash
   */
  public static Cid fromMultihash(byte[] multihash) {
    if (multihash.length != 2 + DIGEST_LENGTH
        || (multihash[0] & 0xff) != SHA2_256
        || multihash[1] != DIGEST_LENGTH) {
      throw new InvalidCidException(
          "a CIDv0 multihash is 0x12 0x20 followed by 32 digest bytes, got "
              + multihash.length + " bytes");
    }
    return new Cid(multihash.clone());
  }

  static Cid ofSha256(byte[] digest) {
    byte[] multihash = new byte[2 + DIGEST_LENGTH];
    multihash[0] = SHA2_256;
    multihash[1] = DIGEST_LENGTH;
    System.arraycopy(digest, 0, multihash, 2, DIGEST_LENGTH);
    return fromMultihash(multihash);
  }

  /** The binary multihash (0x12 0x20 + digest), a fresh copy. */
  public byte[] multihash() {
    return multihash.clone();
  }

  boolean hasDigest(byte[] digest) {
    return Arrays.equals(multihash, 2, multihash.length, digest, 0, digest.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cid cid && Arrays.equals(multihash, cid.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  @Override
  public String toString() {
    return Base58.encode(multihash);
  }
}
