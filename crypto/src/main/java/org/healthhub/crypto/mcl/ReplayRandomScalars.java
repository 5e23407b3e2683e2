package org.healthhub.crypto.mcl;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The vectors' deterministic stream (see {@link RandomScalars#replay(byte[])}), counting what it
 * gives out so that a test can check that a replay drew exactly the recorded number of bytes.
 * Not thread-safe: one instance per replayed operation.
 */
public final class ReplayRandomScalars implements RandomScalars {
  private static final int BLOCK = 32;

  private final byte[] seed;
  private final byte[] block = new byte[BLOCK];
  private int counter;
  private int used = BLOCK;
  private long bytesDrawn;

  ReplayRandomScalars(byte[] seed) {
    this.seed = seed.clone();
  }

  @Override
  public Fr nextFr() {
    return Fr.fromCsprngBytes(nextBytes(Fr.SERIALIZED_SIZE));
  }

  /** The next {@code count} bytes of the stream. */
  public byte[] nextBytes(int count) {
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      if (used == BLOCK) {
        refill();
      }
      out[i] = block[used++];
    }
    bytesDrawn += count;
    return out;
  }

  /** How many bytes of the stream have been consumed so far. */
  public long bytesDrawn() {
    return bytesDrawn;
  }

  private void refill() {
    MessageDigest sha256 = sha256();
    sha256.update(seed);
    sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(counter++).array());
    System.arraycopy(sha256.digest(), 0, block, 0, BLOCK);
    used = 0;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
