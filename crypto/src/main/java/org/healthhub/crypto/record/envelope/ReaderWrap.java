package org.healthhub.crypto.record.envelope;

import org.healthhub.crypto.record.hpke.HpkeKeyWrap;

/** One reader's access to a record: who, the public key it was wrapped to, and the wrap. */
public record ReaderWrap(String readerId, byte[] publicKey, HpkeKeyWrap wrap) {
  public ReaderWrap {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }
}
